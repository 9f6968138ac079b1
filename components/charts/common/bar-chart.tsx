"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { comparisonBars } from "./comparison-bars";
import { CHART_ALERT, CHART_AXIS, CHART_COLORS, CHART_GRID } from "./palette";

export interface BarDatum {
  /** What a click on the bar reports (e.g. a bucket id). */
  key: string;
  label: string;
  value: number;
  /** The same bar in the comparison period, when one is shown. */
  comparison?: number | null;
}

/**
 * One series of vertical bars with the axis labels, grid and tooltip every tile uses. Load it
 * through `LazyBarChart` so that Recharts stays out of the page's first load.
 */
export function SimpleBarChart({
  data,
  name,
  format,
  height = 240,
  color = CHART_COLORS[0],
  onBarClick = null,
  reference,
  compactAxis = false,
  comparison = null,
}: {
  data: BarDatum[];
  /** The series' name, for the tooltip. */
  name: string;
  format: (value: number) => string;
  height?: number;
  color?: string;
  /** Drill-down; null when bars lead nowhere. */
  onBarClick?: ((key: string) => void) | null;
  /** A dashed horizontal line, e.g. a cap. */
  reference?: { y: number; label: string };
  /** Small ticks for narrow cards. */
  compactAxis?: boolean;
  /**
   * A second series for the comparison period (each datum's `comparison`): grey bars left of
   * the period's own, named in the legend and the tooltip.
   */
  comparison?: { name: string; currentName: string } | null;
}) {
  const fontSize = compactAxis ? 10 : 12;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 12, right: 4, left: compactAxis ? -20 : 0, bottom: 0 }}>
        <CartesianGrid stroke={CHART_GRID} vertical={false} />
        <XAxis dataKey="label" stroke={CHART_AXIS} fontSize={fontSize} interval="preserveStartEnd" />
        <YAxis
          stroke={CHART_AXIS}
          fontSize={fontSize}
          allowDecimals={false}
          tickFormatter={(v: number) => format(v)}
        />
        <Tooltip formatter={(value, seriesName) => [format(Number(value)), seriesName]} />
        {comparisonBars(comparison && { dataKey: "comparison", name: comparison.name }, "top")}
        {reference ? (
          <ReferenceLine
            y={reference.y}
            stroke={CHART_ALERT}
            strokeDasharray="4 3"
            label={{ value: reference.label, position: "insideTopRight", fontSize: 10, fill: CHART_ALERT }}
          />
        ) : null}
        <Bar
          isAnimationActive={false}
          dataKey="value"
          name={comparison ? comparison.currentName : name}
          fill={color}
          radius={[4, 4, 0, 0]}
          cursor={onBarClick ? "pointer" : undefined}
          onClick={(entry: { payload?: { key?: string } }) => {
            if (entry.payload?.key) onBarClick?.(entry.payload.key);
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
