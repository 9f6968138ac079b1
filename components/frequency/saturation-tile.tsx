"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { lazyChart } from "@/components/charts/common/lazy-chart";
import { CHART_ALERT } from "@/components/charts/common/palette";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import type { SaturationCurve } from "@/lib/metrics/frequency";

import { bucketLabel } from "./bucket-label";
import { useBucketDrill } from "./use-bucket-drill";

const SaturationChart = lazyChart(() =>
  import("./saturation-chart").then((module) => module.SaturationChart),
);

/**
 * Click rate and unsubscribe/complaint shares by contacts per week, with the fatigue point
 * marked. `sharedWithKpis`: ask with the comparison period, as the Overview's headline figures do.
 */
export function SaturationTile({ sharedWithKpis = false }: { sharedWithKpis?: boolean }) {
  const t = useTranslations("frequency");
  const format = useFormatters();
  const drill = useBucketDrill();
  // On the Overview the headline figures ask for the same curve with its comparison: one request.
  const query = useMetric<SaturationCurve>("saturation", {}, { withComparison: sharedWithKpis });
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
        ])
      }
      footer={(data) => {
        const fatigue = data.result.fatiguePoint;
        if (!fatigue) return t("noFatigue");
        const reasons = fatigue.reasons
          .map((reason) => t(reason === "clickRate" ? "fatigueClickRate" : "fatigueUnsubscribe"))
          .join("; ");
        return (
          <p data-testid="fatigue-point" data-bucket={fatigue.bucket} data-cap={fatigue.recommendedWeeklyCap}>
            <span aria-hidden className="mr-1 font-bold" style={{ color: CHART_ALERT }}>
              ▼
            </span>
            {t("fatigueFound", {
              bucket: bucketLabel(fatigue.bucket),
              reasons,
              cap: format.number(fatigue.recommendedWeeklyCap),
            })}
          </p>
        );
      }}
    >
      {(data) => <SaturationChart curve={data.result} onBucketClick={drill.open} />}
    </ChartCard>
  );
}
