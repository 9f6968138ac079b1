"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { ChartCard } from "@/components/charts/common/chart-card";
import { LazyBarChart } from "@/components/charts/common/lazy-chart";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useChannelLabel } from "@/components/metrics/use-channel-label";
import { useComparisonSeries } from "@/components/metrics/use-comparison-series";
import { useMetric } from "@/components/metrics/use-metric";
import type { FrequencyDistribution } from "@/lib/metrics/frequency";

import { bucketLabel } from "./bucket-label";
import { useBucketDrill } from "./use-bucket-drill";

/** Contacted customers per contacts-per-week bucket, in total or for one channel. */
export function FrequencyDistributionTile() {
  const t = useTranslations("frequency");
  const channelLabel = useChannelLabel();
  const tc = useTranslations("common");
  const format = useFormatters();
  const drill = useBucketDrill();
  const tChart = useTranslations("chart");
  const series = useComparisonSeries();
  const query = useMetric<FrequencyDistribution>("frequency", {}, { withComparison: true });
  const [shown, setShown] = useState<string>("total");
  /** The channel the tile shows is the channel of the customers behind a bar. */
  const shownChannel = (): Record<string, string> => (shown === "total" ? {} : { channel: shown });
  const breakdownOf = (data: FrequencyDistribution) =>
    data.channels.find((channel) => channel.channel === shown) ?? data.total;
  /** Each bucket's customers in the comparison period (none when not compared). */
  const comparedOf = (data: FrequencyDistribution | null) => {
    const counts = new Map<string, number>();
    if (data && series) for (const row of breakdownOf(data).buckets) counts.set(row.bucket, row.customers);
    return (bucket: string) => (data && series ? (counts.get(bucket) ?? 0) : null);
  };
  return (
    <ChartCard
      id="frequency-distribution"
      title={t("distributionTitle")}
      description={t("distributionDescription")}
      query={query}
      drillHint={drill.enabled}
      isEmpty={(data) => data.result.total.contactedCustomers === 0}
      table={(data) =>
        tableSpec(breakdownOf(data.result).buckets, [
          { key: "bucket", header: t("bucket"), value: (row) => bucketLabel(row.bucket) },
          {
            key: "customers",
            header: t("customers"),
            value: (row) => row.customers,
            href: (row) => (row.customers > 0 ? drill.hrefOf(row.bucket, shownChannel()) : null),
            format: (row) => format.number(row.customers),
            numeric: true,
          },
          {
            key: "share",
            header: t("share"),
            value: (row) => row.share,
            format: (row) => format.percent(row.share),
            numeric: true,
          },
          ...(series && data.comparison
            ? [
                {
                  key: "comparisonCustomers",
                  header: series.column(t("customers")),
                  value: (row: { bucket: string }) => comparedOf(data.comparison)(row.bucket),
                  format: (row: { bucket: string }) =>
                    format.number(comparedOf(data.comparison)(row.bucket) ?? 0),
                  numeric: true,
                },
              ]
            : []),
        ])
      }
    >
      {(data) => {
        const breakdown = breakdownOf(data.result);
        const compared = comparedOf(data.comparison);
        return (
          <>
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
              <p className="text-slate-700">
                {t("medianMean", {
                  median: format.number(breakdown.medianPerWeek, 2),
                  mean: format.number(breakdown.meanPerWeek, 2),
                  customers: tc("customers", { count: breakdown.contactedCustomers }),
                })}
              </p>
              <label className="flex items-center gap-2">
                <span className="text-slate-600">{t("channelFilter")}</span>
                <select
                  value={shown}
                  onChange={(event) => setShown(event.target.value)}
                  className="rounded-lg border border-slate-300 bg-white px-2 py-1"
                >
                  <option value="total">{t("allChannels")}</option>
                  {data.result.channels.map((channel) => (
                    <option key={channel.channel} value={channel.channel}>
                      {channelLabel(channel.channel)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <LazyBarChart
              data={breakdown.buckets.map((row) => ({
                key: row.bucket,
                label: bucketLabel(row.bucket),
                value: row.customers,
                comparison: compared(row.bucket),
              }))}
              name={t("customers")}
              comparison={
                series && data.comparison ? { name: series.name, currentName: tChart("thisPeriod") } : null
              }
              format={(value) => format.number(value)}
              onBarClick={drill.open && ((bucket) => drill.open?.(bucket, shownChannel()))}
            />
            <p className="mt-1 text-center text-xs text-slate-600">{t("contactsPerWeek")}</p>
          </>
        );
      }}
    </ChartCard>
  );
}
