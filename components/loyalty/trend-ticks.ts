/** The y-axis ticks: whole tens from below the lowest value to above the highest, within 0–100. */
export function trendTicks(values: number[]): number[] {
  if (values.length === 0) return [0, 25, 50, 75, 100];
  const low = Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10);
  const high = Math.max(low + 10, Math.min(100, Math.ceil((Math.max(...values) + 5) / 10) * 10));
  return Array.from({ length: (high - low) / 10 + 1 }, (_, i) => low + 10 * i);
}
