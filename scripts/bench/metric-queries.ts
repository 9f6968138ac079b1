import type { MetricName } from "@/lib/metrics/catalogue";

/** One timed request of the metrics benchmark: a metric, its window length and its parameters. */
export interface BenchQuery {
  metric: MetricName;
  label: string;
  days: number;
  params: Record<string, string>;
}

/** Every metric endpoint with the window its target names (issue: 28 days; loyalty 365; journeys 90). */
export const BENCH_QUERIES: BenchQuery[] = [{ metric: "overview", label: "overview", days: 28, params: {} }];

/** The target for a query: 28-day metrics 300 ms, 365-day loyalty 1 s, 90-day journeys 2 s; PGlite 1 s. */
export function targetFor(query: BenchQuery, database: string): number {
  if (database === "PGlite") return 1000;
  if (query.days >= 365) return 1000;
  if (query.days >= 90) return 2000;
  return 300;
}
