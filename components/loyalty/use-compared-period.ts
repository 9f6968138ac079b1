"use client";

import { useTranslations } from "next-intl";

import type { LoyaltyFigures } from "@/lib/metrics/loyalty";

/**
 * The previous period of a loyalty summary in words: "the year before" for a window of 365 days
 * (366 over a leap day), else "the previous 245 days".
 */
export function useComparedPeriod() {
  const t = useTranslations("loyalty");
  const tc = useTranslations("common");
  return (previous: Pick<LoyaltyFigures, "from" | "to">) => {
    const days = Math.round((Date.parse(previous.to) - Date.parse(previous.from)) / 86_400_000);
    return days === 365 || days === 366
      ? t("yearBefore")
      : t("previousDays", { days: tc("days", { count: days }) });
  };
}
