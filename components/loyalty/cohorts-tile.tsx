"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import type { TableColumn } from "@/components/charts/common/table-spec";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { usePageMetric } from "@/components/metrics/use-metric";
import { type Cohort, COHORT_MONTHS, type CohortTable } from "@/lib/metrics/loyalty";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";

import { CohortGrid } from "./cohort-grid";
import { useMonthLabel } from "./use-month-label";

const OFFSETS = Array.from({ length: COHORT_MONTHS }, (_, i) => i + 1);

/** Cohort retention heatmap: of the customers who first bought in a month, the share buying in each later month. */
export function CohortsTile({ className }: { className?: string }) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const monthLabel = useMonthLabel();
  const query = usePageMetric<CohortTable>(PAGE_METRICS.cohorts);
  const cell = (cohort: Cohort, offset: number) => cohort.retention.find((month) => month.offset === offset);
  const shareColumns = OFFSETS.map((offset): TableColumn<Cohort> => ({
    key: `month-${offset}`,
    header: t("monthOffset", { offset }),
    value: (cohort) => cell(cohort, offset)?.retention ?? null,
    format: (cohort) => {
      const month = cell(cohort, offset);
      if (!month || month.retained === null) return "";
      return `${format.percent(month.retention)}${month.partial ? "*" : ""}`;
    },
    numeric: true,
  }));
  return (
    <ChartCard
      id="cohorts"
      title={t("cohortsTitle")}
      description={t("cohortsDescription")}
      query={query}
      isEmpty={(data) => data.result.cohorts.every((cohort) => cohort.size === 0)}
      skeletonHeight="h-96"
      className={className}
      table={(data) =>
        tableSpec(data.result.cohorts, [
          {
            key: "cohort",
            header: t("cohort"),
            value: (row) => row.month,
            format: (row) => monthLabel(row.month),
          },
          {
            key: "size",
            header: t("cohortSize"),
            value: (row) => row.size,
            format: (row) => format.number(row.size),
            numeric: true,
          },
          ...shareColumns,
          {
            key: "partial",
            header: t("partialMonthHeader"),
            value: (row) => row.retention.find((month) => month.partial)?.offset ?? null,
            format: (row) => {
              const partial = row.retention.find((month) => month.partial);
              return partial ? t("monthOffset", { offset: partial.offset }) : "";
            },
          },
        ])
      }
    >
      {({ result }) => <CohortGrid cohorts={result.cohorts} />}
    </ChartCard>
  );
}
