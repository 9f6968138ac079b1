"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { heatCellStyle } from "@/components/charts/common/heat-cell";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import { Link } from "@/components/ui/link";
import { zonedDate } from "@/lib/date-window";
import type { ContactPressureHeatmap } from "@/lib/metrics/frequency";
import { FREQUENCY_BUCKETS } from "@/lib/metrics/frequency-buckets";

import { bucketLabel } from "./bucket-label";
import { useBucketDrill } from "./use-bucket-drill";

/** Weeks down, contacts-per-week buckets across: how contact pressure moved through the period. */
export function PressureHeatmapTile({ className }: { className?: string }) {
  const t = useTranslations("frequency");
  const format = useFormatters();
  const drill = useBucketDrill();
  const query = useMetric<ContactPressureHeatmap>("heatmap");
  return (
    <ChartCard
      id="heatmap"
      className={className}
      title={t("heatmapTitle")}
      description={t("heatmapDescription")}
      query={query}
      drillHint={drill.enabled && "cells"}
      isEmpty={(data) => data.result.weeks.every((week) => week.contactedCustomers === 0)}
      table={(data) =>
        tableSpec(data.result.weeks, [
          { key: "week", header: t("week"), value: (row) => row.isoWeek },
          { key: "contacted", header: t("customers"), value: (row) => row.contactedCustomers, numeric: true },
          ...FREQUENCY_BUCKETS.map((bucket, index) => ({
            key: bucket.id,
            header: bucket.label,
            value: (row: ContactPressureHeatmap["weeks"][number]) => row.buckets[index]?.customers ?? 0,
            numeric: true,
          })),
        ])
      }
    >
      {({ result }) => (
        <div className="overflow-x-auto">
          <table className="w-full border-separate border-spacing-0.5 text-xs" data-testid="pressure-heatmap">
            <caption className="sr-only">{t("heatmapTitle")}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium text-slate-600">
                  {t("week")}
                </th>
                {FREQUENCY_BUCKETS.map((bucket) => (
                  <th
                    key={bucket.id}
                    scope="col"
                    className="px-2 py-1 text-center font-medium text-slate-600"
                  >
                    {bucketLabel(bucket.id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.weeks.map((week) => (
                <tr key={week.isoWeek}>
                  <th
                    scope="row"
                    className="whitespace-nowrap px-2 py-1 text-left font-medium text-slate-700"
                  >
                    {week.isoWeek}
                    {week.fraction < 1 ? (
                      <abbr title={t("partialWeek")} className="ml-0.5 no-underline">
                        *
                      </abbr>
                    ) : null}
                  </th>
                  {week.buckets.map((cell) => (
                    <td
                      key={cell.bucket}
                      style={heatCellStyle(cell.share ?? 0)}
                      className="rounded px-2 py-1.5 text-center tabular-nums"
                      title={format.percent(cell.share)}
                    >
                      {drill.enabled && cell.customers > 0 ? (
                        <Link
                          href={drill.hrefOf(cell.bucket, {
                            from: zonedDate(new Date(week.from), result.timeZone),
                            to: zonedDate(new Date(Date.parse(week.to) - 1), result.timeZone),
                          })!}
                          className="underline decoration-dotted underline-offset-2"
                        >
                          {format.number(cell.customers)}
                        </Link>
                      ) : (
                        format.number(cell.customers)
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {result.weeks.some((week) => week.fraction < 1) ? (
            <p className="mt-2 text-xs text-slate-600">* {t("partialWeek")}</p>
          ) : null}
        </div>
      )}
    </ChartCard>
  );
}
