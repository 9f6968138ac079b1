"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import type { LoyaltyFigures } from "@/lib/metrics/loyalty";

import { useComparedPeriod } from "./use-compared-period";

/**
 * A figure's change against the previous period of the same length (the year before, for the
 * page's usual 365 days), in index points or percentage points, with an arrow and in words.
 * Hidden when the user chose to compare with nothing.
 */
export function ChangeLine({
  change,
  unit,
  previous,
  testId,
}: {
  /** current − previous in the unit shown; null when either is missing. */
  change: number | null;
  unit: "points" | "percentagePoints";
  /** The previous period's figures (for its length). */
  previous: Pick<LoyaltyFigures, "from" | "to">;
  testId?: string;
}) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const { compare } = useDashboardQuery();
  const period = useComparedPeriod()(previous);
  if (compare === "none") return null;
  const shown = change === null ? 0 : Math.round(Math.abs(change) * 10) / 10;
  const args = { change: format.number(shown, 1), period };
  const text =
    change === null
      ? t("noPrevious", { period })
      : shown === 0
        ? t("unchanged", { period })
        : unit === "points"
          ? t(change > 0 ? "upPoints" : "downPoints", args)
          : t(change > 0 ? "upPercentagePoints" : "downPercentagePoints", args);
  return (
    <p data-testid={testId} data-value={change ?? ""} className="text-sm text-slate-700">
      {text}
    </p>
  );
}
