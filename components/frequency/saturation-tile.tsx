"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { lazyChart } from "@/components/charts/common/lazy-chart";
import { CHART_ALERT } from "@/components/charts/common/palette";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useComparisonSeries } from "@/components/metrics/use-comparison-series";
import { usePageMetric } from "@/components/metrics/use-metric";
import type { SaturationCurve } from "@/lib/metrics/frequency";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";

import { bucketLabel } from "./bucket-label";
import { useBucketDrill } from "./use-bucket-drill";

const SaturationChart = lazyChart(() =>
  import("./saturation-chart").then((module) => module.SaturationChart),
);

/**
 * Click rate and unsubscribe/complaint shares by contacts per week, with the fatigue point
 * marked, and the comparison period's click rate beside (the Overview's headline figures ask
 * for the same curve: one request).
 */
export function SaturationTile() {
  const t = useTranslations("frequency");
  const format = useFormatters();
  const drill = useBucketDrill();
  const series = useComparisonSeries();
  const query = usePageMetric<SaturationCurve>(PAGE_METRICS.saturation);
  const comparedRate = (data: { comparison: SaturationCurve | null }, bucket: string) =>
    data.comparison?.buckets.find((row) => row.bucket === bucket)?.clickRate ?? null;
  return (
    <ChartCard
      id="saturation"
      title={t("saturationTitle")}
      description={t("saturationDescription")}
      query={query}
      drillHint={drill.enabled}
      isEmpty={(data) => data.result.buckets.every((bucket) => bucket.contacts === 0)}
      table={(data) =>
        tableSpec(data.result.buckets, [
          { key: "bucket", header: t("bucket"), value: (row) => bucketLabel(row.bucket) },
          {
            key: "customers",
            header: t("customers"),
            value: (row) => row.customers,
            href: (row) => (row.customers > 0 ? drill.hrefOf(row.bucket) : null),
            format: (row) => format.number(row.customers),
            numeric: true,
          },
          {
            key: "contacts",
            header: t("contacts"),
            value: (row) => row.contacts,
            format: (row) => format.number(row.contacts),
            numeric: true,
          },
          {
            key: "clickRate",
            header: t("clickRate"),
            value: (row) => row.clickRate,
            format: (row) => format.percent(row.clickRate),
            numeric: true,
          },
          {
            key: "unsubscribeShare",
            header: t("unsubscribeShare"),
            value: (row) => row.unsubscribeShare,
            format: (row) => format.percent(row.unsubscribeShare),
            numeric: true,
          },
          {
            key: "complaintShare",
            header: t("complaintShare"),
            value: (row) => row.complaintShare,
            format: (row) => format.percent(row.complaintShare, 2),
            numeric: true,
          },
          ...(series && data.comparison
            ? [
                {
                  key: "comparisonClickRate",
                  header: series.column(t("clickRate")),
                  value: (row: { bucket: string }) => comparedRate(data, row.bucket),
                  format: (row: { bucket: string }) => format.percent(comparedRate(data, row.bucket)),
                  numeric: true,
                },
              ]
            : []),
        ])
      }
      footer={(data) => {
        const fatigue = data.result.fatiguePoint;
        const comparedFatigue = data.comparison?.fatiguePoint;
        const compared =
          series && data.comparison ? (
            <p className="mt-1 text-xs text-slate-600" data-testid="fatigue-compared">
              {comparedFatigue
                ? t("fatigueCompared", { period: series.name, bucket: bucketLabel(comparedFatigue.bucket) })
                : t("noFatigueCompared", { period: series.name })}
            </p>
          ) : null;
        if (!fatigue)
          return (
            <>
              <p>{t("noFatigue")}</p>
              {compared}
            </>
          );
        const reasons = fatigue.reasons
          .map((reason) => t(reason === "clickRate" ? "fatigueClickRate" : "fatigueUnsubscribe"))
          .join("; ");
        return (
          <>
            <p
              data-testid="fatigue-point"
              data-bucket={fatigue.bucket}
              data-cap={fatigue.recommendedWeeklyCap}
            >
              <span aria-hidden className="mr-1 font-bold" style={{ color: CHART_ALERT }}>
                ▼
              </span>
              {t("fatigueFound", {
                bucket: bucketLabel(fatigue.bucket),
                reasons,
                cap: format.number(fatigue.recommendedWeeklyCap),
              })}
            </p>
            {compared}
          </>
        );
      }}
    >
      {(data) => (
        <SaturationChart
          curve={data.result}
          comparison={
            series && data.comparison ? { curve: data.comparison, name: series.column(t("clickRate")) } : null
          }
          onBucketClick={drill.open}
        />
      )}
    </ChartCard>
  );
}
