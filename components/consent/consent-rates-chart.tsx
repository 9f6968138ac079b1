"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_AXIS, CHART_COLORS, CHART_GRID } from "@/components/charts/common/palette";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useChannelLabel } from "@/components/metrics/use-channel-label";
import type { ConsentRates } from "@/lib/consent/consent-views";

/** Each channel also has its own dash pattern and marker, so lines never differ by colour alone. */
const DASHES = ["", "6 3", "2 2", "8 3 2 3", "1 3", "10 4"];
const MARKERS = ["circle", "square", "diamond", "triangle", "cross", "star"] as const;

/** Share of customers with consent, per channel, one line each, week by week (0–100 %). */
export function ConsentRatesChart({ rates }: { rates: ConsentRates }) {
  const format = useFormatters();
  const channelLabel = useChannelLabel();
  const weeks = [...new Set(rates.points.map((point) => point.week))];
  const rows = weeks.map((week) => {
    const row: Record<string, string | number | null> = { week };
    for (const point of rates.points) {
      if (point.week === week) row[point.channel] = point.rate === null ? null : point.rate * 100;
    }
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart data={rows} margin={{ top: 16, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid stroke={CHART_GRID} vertical={false} />
        <XAxis dataKey="week" stroke={CHART_AXIS} fontSize={12} />
        <YAxis
          stroke={CHART_AXIS}
          fontSize={12}
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(value: number) => `${value} %`}
          width={48}
        />
        <Tooltip formatter={(value, name) => [format.percent(Number(value) / 100), String(name)]} />
        <Legend />
        {rates.channels.map((channel, index) => (
          <Line
            key={channel}
            dataKey={channel}
            name={channelLabel(channel)}
            stroke={CHART_COLORS[index % CHART_COLORS.length]}
            strokeDasharray={DASHES[index % DASHES.length]}
            strokeWidth={2}
            dot={{ r: 3 }}
            legendType={MARKERS[index % MARKERS.length]}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
