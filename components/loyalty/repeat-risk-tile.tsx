"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { type TableColumn, tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { usePageMetric } from "@/components/metrics/use-metric";
import type { LoyaltySummary } from "@/lib/metrics/loyalty";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";

import { ChangeLine } from "./change-line";
import { type RiskFigure, riskFigures } from "./repeat-risk-figures";
import { useComparedPeriod } from "./use-compared-period";

/** Repeat purchase rate and at-risk share as large figures, each with its counts and its change. */
export function RepeatRiskTile({ className }: { className?: string }) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const query = usePageMetric<LoyaltySummary>(PAGE_METRICS.loyalty);
  const comparedPeriod = useComparedPeriod();
  const { compare } = useDashboardQuery();
  const table = (summary: LoyaltySummary) => {
    const columns: TableColumn<RiskFigure>[] = [
      { key: "figure", header: t("figure"), value: (row) => t(row.name) },
      {
        key: "value",
        header: t("value"),
        value: (row) => row.rate,
        format: (row) => format.percent(row.rate),
        numeric: true,
      },
      {
        key: "count",
        header: t("count"),
        value: (row) => row.count,
        format: (row) => format.number(row.count),
        numeric: true,
      },
      {
        key: "total",
        header: t("outOf"),
        value: (row) => row.total,
        format: (row) => format.number(row.total),
        numeric: true,
      },
    ];
    if (compare !== "none") {
      columns.push({
        key: "change",
        header: t("changePercentagePoints", { period: comparedPeriod(summary.previous) }),
        value: (row) => row.change,
        format: (row) => format.number(row.change, 1),
        numeric: true,
      });
    }
    return tableSpec(riskFigures(summary), columns);
  };
  return (
    <ChartCard
      id="repeat-risk"
      title={t("repeatRiskTitle")}
      description={t("repeatRiskDescription")}
      query={query}
      isEmpty={(data) => data.result.current.purchasers === 0 && data.result.current.repeatCustomers === 0}
      skeletonHeight="h-56"
      className={className}
      table={(data) => table(data.result)}
    >
      {({ result }) => (
        <div className="grid gap-6 sm:grid-cols-2 xl:grid-cols-1">
          {riskFigures(result).map((row) => (
            <div key={row.id}>
              <h3 className="text-sm font-medium text-slate-600">{t(row.name)}</h3>
              <BigFigure
                testId={row.id}
                rawValue={row.rate}
                value={format.percent(row.rate)}
                caption={t(row.line, { count: format.number(row.count), total: format.number(row.total) })}
              />
              <div className="mt-1">
                <ChangeLine change={row.change} unit="percentagePoints" previous={result.previous} />
              </div>
            </div>
          ))}
        </div>
      )}
    </ChartCard>
  );
}
