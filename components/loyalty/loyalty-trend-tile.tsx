"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { lazyChart } from "@/components/charts/common/lazy-chart";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { usePageMetric } from "@/components/metrics/use-metric";
import type { LoyaltyTrend } from "@/lib/metrics/loyalty";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";

import { useMonthLabel } from "./use-month-label";

const TrendChart = lazyChart(() => import("./trend-chart").then((module) => module.TrendChart));

/** The loyalty index at the end of each of the last 12 months, as a line with its points. */
export function LoyaltyTrendTile({ className }: { className?: string }) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const monthLabel = useMonthLabel();
  const query = usePageMetric<LoyaltyTrend>(PAGE_METRICS.loyaltyTrend);
  return (
    <ChartCard
      id="loyalty-trend"
      title={t("trendTitle")}
      description={t("trendDescription")}
      query={query}
      isEmpty={(data) => data.result.points.every((point) => point.index.value === null)}
      skeletonHeight="h-72"
      className={className}
      table={(data) =>
        tableSpec(data.result.points, [
          {
            key: "month",
            header: t("month"),
            value: (row) => row.month,
            format: (row) => monthLabel(row.month),
          },
          {
            key: "index",
            header: t("index"),
            value: (row) => row.index.value,
            format: (row) => format.number(row.index.value, 1),
            numeric: true,
          },
          {
            key: "partial",
            header: t("partialPoint"),
            value: (row) => (row.index.partial ? 1 : 0),
            format: (row) => (row.index.partial ? "✓" : ""),
          },
        ])
      }
      footer={({ result }) => {
        const measured = result.points.filter((point) => point.index.value !== null);
        const first = measured[0];
        const last = measured[measured.length - 1];
        return (
          <>
            <p data-testid="loyalty-trend-summary">
              {t("trendSummary", {
                first: format.number(first.index.value, 1),
                firstMonth: monthLabel(first.month),
                last: format.number(last.index.value, 1),
                lastMonth: monthLabel(last.month),
              })}
            </p>
            {measured.some((point) => point.index.partial) ? (
              <p className="mt-1 text-xs text-slate-600">{t("partialPointNote")}</p>
            ) : null}
          </>
        );
      }}
    >
      {({ result }) => <TrendChart points={result.points} />}
    </ChartCard>
  );
}
