"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  type XAxisTickContentProps,
  YAxis,
} from "recharts";

import { CHART_AXIS, CHART_GRID } from "@/components/charts/common/palette";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { bucketLabel } from "@/components/frequency/bucket-label";
import type { PressureBucketLoyalty } from "@/lib/metrics/loyalty";

import { PRESSURE_SERIES, PressureLegend } from "./pressure-legend";

/** Bucket label with its customer count under it. */
function BucketTick({ x, y, payload, counts }: XAxisTickContentProps & { counts: Map<string, string> }) {
  const id = String(payload.value);
  return (
    <g transform={`translate(${x},${y})`}>
      <text dy={14} textAnchor="middle" fontSize={12} fill={CHART_AXIS}>
        {bucketLabel(id)}
      </text>
      <text dy={30} textAnchor="middle" fontSize={11} fill="#475569">
        {counts.get(id)}
      </text>
    </g>
  );
}

/** Repeat purchase, at-risk and unsubscribe shares side by side for each contacts-per-week bucket. */
export function PressureChart({ buckets }: { buckets: PressureBucketLoyalty[] }) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const counts = new Map(
    buckets.map((row) => [row.bucket, t("bucketCustomers", { count: format.number(row.customers) })]),
  );
  return (
    <>
      <PressureLegend />
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={buckets} margin={{ top: 20, right: 8, left: 0, bottom: 4 }} barGap={2}>
          <CartesianGrid stroke={CHART_GRID} vertical={false} />
          <XAxis
            dataKey="bucket"
            stroke={CHART_AXIS}
            interval={0}
            height={44}
            tick={(props: XAxisTickContentProps) => <BucketTick {...props} counts={counts} />}
          />
          <YAxis
            stroke={CHART_AXIS}
            fontSize={12}
            tickFormatter={(value: number) => format.percent(value, 0)}
            width={48}
          />
          <Tooltip
            labelFormatter={(bucket) => bucketLabel(String(bucket))}
            formatter={(value, name, item) => {
              const series = PRESSURE_SERIES.find((candidate) => candidate.key === item.dataKey);
              const row = item.payload as PressureBucketLoyalty;
              if (!series) return [format.percent(Number(value)), name];
              const rate = t("rateOf", {
                rate: format.percent(row[series.key]),
                count: format.number(row[series.count]),
                total: format.number(row[series.total]),
              });
              return [rate, name];
            }}
          />
          {PRESSURE_SERIES.map((series) => (
            <Bar
              key={series.key}
              dataKey={series.key}
              name={t(series.label)}
              fill={series.fill}
              stroke={series.color}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            >
              <LabelList
                dataKey={series.key}
                position="top"
                fontSize={10}
                fill="#0f172a"
                formatter={(value) => (typeof value === "number" ? format.percent(value, 0) : "")}
              />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
      <p className="text-center text-xs text-slate-600">{t("contactsPerWeek")}</p>
    </>
  );
}
