"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { ChartCard } from "@/components/charts/common/chart-card";
import { CHART_ALERT, CHART_AXIS, CHART_COLORS, CHART_GRID } from "@/components/charts/common/palette";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useDrillHref } from "@/components/metrics/use-drill-href";
import { useMetric } from "@/components/metrics/use-metric";
import type { SaturationCurve } from "@/lib/metrics/frequency";

import { bucketLabel } from "./bucket-label";

/** Click rate and unsubscribe/complaint shares by contacts per week, with the fatigue point marked. */
export function SaturationTile() {
  const t = useTranslations("frequency");
  const format = useFormatters();
  const router = useRouter();
  const drill = useDrillHref();
  const bucketHref = (bucket: string) =>
    drill ? drill({ field: "frequencyBucket", op: "in", value: [bucket] }) : null;
  const query = useMetric<SaturationCurve>("saturation");
  return (
    <ChartCard
      id="saturation"
      title={t("saturationTitle")}
      description={t("saturationDescription")}
      query={query}
      drillHint={drill !== null}
      isEmpty={(data) => data.result.buckets.every((bucket) => bucket.contacts === 0)}
      table={(data) =>
        tableSpec(data.result.buckets, [
          { key: "bucket", header: t("bucket"), value: (row) => bucketLabel(row.bucket) },
          {
            key: "customers",
            header: t("customers"),
            value: (row) => row.customers,
            href: (row) => (row.customers > 0 ? bucketHref(row.bucket) : null),
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
      {(data) => {
        const fatigue = data.result.fatiguePoint;
        const rows = data.result.buckets.map((row) => ({ ...row, label: bucketLabel(row.bucket) }));
        return (
          <ResponsiveContainer width="100%" height={280}>
            <ComposedChart data={rows} margin={{ top: 20, right: 8, left: 0, bottom: 0 }}>
              <CartesianGrid stroke={CHART_GRID} vertical={false} />
              <XAxis dataKey="label" stroke={CHART_AXIS} fontSize={12} />
              <YAxis
                yAxisId="rate"
                stroke={CHART_COLORS[0]}
                fontSize={12}
                tickFormatter={(value: number) => format.percent(value, 0)}
              />
              <YAxis
                yAxisId="share"
                orientation="right"
                stroke={CHART_COLORS[1]}
                fontSize={12}
                tickFormatter={(value: number) => format.percent(value, 0)}
              />
              <Tooltip formatter={(value, name) => [format.percent(Number(value), 2), name]} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar
                yAxisId="rate"
                isAnimationActive={false}
                dataKey="clickRate"
                name={t("clickRate")}
                fill={CHART_COLORS[0]}
                radius={[4, 4, 0, 0]}
                cursor={drill ? "pointer" : undefined}
                onClick={(entry: { payload?: { bucket?: string } }) => {
                  const href = entry.payload?.bucket ? bucketHref(entry.payload.bucket) : null;
                  if (href) router.push(href);
                }}
              />
              <Line
                isAnimationActive={false}
                yAxisId="share"
                dataKey="unsubscribeShare"
                name={t("unsubscribeShare")}
                stroke={CHART_COLORS[1]}
                strokeWidth={2}
                dot={{ r: 4 }}
              />
              <Line
                isAnimationActive={false}
                yAxisId="share"
                dataKey="complaintShare"
                name={t("complaintShare")}
                stroke={CHART_COLORS[3]}
                strokeWidth={2}
                strokeDasharray="5 4"
                dot={{ r: 4, strokeDasharray: "" }}
              />
              {fatigue ? (
                <ReferenceLine
                  yAxisId="rate"
                  x={bucketLabel(fatigue.bucket)}
                  stroke={CHART_ALERT}
                  strokeDasharray="4 3"
                  label={{
                    value: `▼ ${t("fatiguePoint")}`,
                    position: "top",
                    fill: CHART_ALERT,
                    fontSize: 12,
                  }}
                />
              ) : null}
            </ComposedChart>
          </ResponsiveContainer>
        );
      }}
    </ChartCard>
  );
}
