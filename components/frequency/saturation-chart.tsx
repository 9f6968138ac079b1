"use client";

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

import {
  CHART_ALERT,
  CHART_AXIS,
  CHART_COLORS,
  CHART_COMPARISON,
  CHART_GRID,
} from "@/components/charts/common/palette";
import { useFormatters } from "@/components/charts/common/use-formatters";
import type { SaturationCurve } from "@/lib/metrics/frequency";

import { bucketLabel } from "./bucket-label";

/**
 * The saturation curve: click rate bars, unsubscribe and complaint lines, the fatigue point
 * marked; with a comparison period, its click rate as bars beside the period's.
 */
export function SaturationChart({
  curve,
  comparison,
  onBucketClick,
}: {
  curve: SaturationCurve;
  /** The comparison period's curve and the legend's name of its click rate; null for none. */
  comparison: { curve: SaturationCurve; name: string } | null;
  /** Drill-down: a click on a bucket's bar; null when the role may not see customers. */
  onBucketClick: ((bucket: string) => void) | null;
}) {
  const t = useTranslations("frequency");
  const format = useFormatters();
  const fatigue = curve.fatiguePoint;
  const rows = curve.buckets.map((row) => ({
    ...row,
    label: bucketLabel(row.bucket),
    comparisonClickRate:
      comparison?.curve.buckets.find((other) => other.bucket === row.bucket)?.clickRate ?? null,
  }));
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
        {comparison ? (
          <Bar
            yAxisId="rate"
            isAnimationActive={false}
            dataKey="comparisonClickRate"
            name={comparison.name}
            fill={CHART_COMPARISON}
            radius={[4, 4, 0, 0]}
          />
        ) : null}
        <Bar
          yAxisId="rate"
          isAnimationActive={false}
          dataKey="clickRate"
          name={t("clickRate")}
          fill={CHART_COLORS[0]}
          radius={[4, 4, 0, 0]}
          cursor={onBucketClick ? "pointer" : undefined}
          onClick={(entry: { payload?: { bucket?: string } }) => {
            if (entry.payload?.bucket) onBucketClick?.(entry.payload.bucket);
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
}
