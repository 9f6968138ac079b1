"use client";

import { useTranslations } from "next-intl";
import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { CHART_AXIS, CHART_COLORS, CHART_GRID } from "@/components/charts/common/palette";
import { useFormatters } from "@/components/charts/common/use-formatters";
import type { LoyaltyTrendPoint } from "@/lib/metrics/loyalty";

import { trendTicks } from "./trend-ticks";
import { useMonthLabel } from "./use-month-label";

const COLOR = CHART_COLORS[0];

/** The index month by month: a line through filled points, hollow where the index is partial, each labelled. */
export function TrendChart({ points }: { points: LoyaltyTrendPoint[] }) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const monthLabel = useMonthLabel();
  const rows = points.map((point) => ({
    month: point.month,
    index: point.index.value,
    partial: point.index.partial,
  }));
  const ticks = trendTicks(rows.flatMap((row) => (row.index === null ? [] : [row.index])));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={rows} margin={{ top: 24, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid stroke={CHART_GRID} vertical={false} />
        <XAxis
          dataKey="month"
          stroke={CHART_AXIS}
          fontSize={12}
          interval={0}
          padding={{ left: 20, right: 20 }}
          tickFormatter={(month: string, index: number) =>
            monthLabel(month, { short: index !== 0 && !month.endsWith("-01") })
          }
        />
        <YAxis
          stroke={CHART_AXIS}
          fontSize={12}
          domain={[ticks[0], ticks[ticks.length - 1]]}
          ticks={ticks}
          width={40}
        />
        <Tooltip
          labelFormatter={(month) => monthLabel(String(month))}
          formatter={(value) => [format.number(Number(value), 1), t("index")]}
        />
        <Line
          dataKey="index"
          name={t("index")}
          stroke={COLOR}
          strokeWidth={2.5}
          isAnimationActive={false}
          dot={({ cx, cy, payload, index }) => (
            <circle
              key={index}
              cx={cx}
              cy={cy}
              r={5}
              stroke={COLOR}
              strokeWidth={2}
              fill={(payload as { partial: boolean }).partial ? "#ffffff" : COLOR}
            />
          )}
        >
          <LabelList
            dataKey="index"
            position="top"
            fontSize={12}
            fill="#0f172a"
            formatter={(value) => (typeof value === "number" ? format.number(value) : "")}
          />
        </Line>
      </LineChart>
    </ResponsiveContainer>
  );
}
