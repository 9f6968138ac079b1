import { Bar, Legend } from "recharts";

import { CHART_COMPARISON } from "./palette";

/**
 * The comparison period's series of a bar chart: a legend (grey square against the period's
 * colour) and grey bars drawn left of the period's, from each datum's `dataKey`. Returned as
 * elements for the chart's children (Recharts reads its series from them); none without a
 * comparison.
 */
export function comparisonBars(
  comparison: { dataKey: string; name: string } | null,
  legendAt: "top" | "bottom" = "bottom",
): React.ReactElement[] {
  if (!comparison) return [];
  return [
    <Legend
      key="comparison-legend"
      verticalAlign={legendAt}
      height={legendAt === "top" ? 24 : undefined}
      iconType="square"
      wrapperStyle={{ fontSize: 12 }}
    />,
    <Bar
      key="comparison-bars"
      isAnimationActive={false}
      dataKey={comparison.dataKey}
      name={comparison.name}
      fill={CHART_COMPARISON}
      radius={[4, 4, 0, 0]}
    />,
  ];
}
