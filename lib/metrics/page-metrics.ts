import { shiftCalendarDate } from "@/lib/date-window";

import type { MetricName } from "./catalogue";
import { commonMetricParams, type DashboardQuery } from "./dashboard-query";

/** One metric request of a dashboard tile: the metric, with the comparison or not, and its own parameters. */
export interface PageMetric {
  name: MetricName;
  withComparison?: boolean;
  extra?: (query: DashboardQuery) => Record<string, string>;
}

/**
 * The requests the tiles of the Overview and Loyalty pages make. The tiles ask through these,
 * and the server starts the same requests while the page is on its way to the browser
 * (lib/server/dashboard/warm-page-metrics.ts), so both must name the same queries.
 */
export const PAGE_METRICS = {
  overview: { name: "overview", withComparison: true },
  saturation: { name: "saturation", withComparison: true },
  gap: { name: "gap", withComparison: true },
  overContacted: { name: "over-contacted", withComparison: true },
  optout: { name: "optout" },
  statedVsActual: { name: "stated-vs-actual" },
  /** Lifecycle checks over the year ending with the window: a broken welcome flow shows months later. */
  lifecycleYear: { name: "lifecycle", extra: ({ to }) => ({ from: shiftCalendarDate(to, -364) }) },
  silent: { name: "silent" },
  audience: { name: "audience" },
  relevanceCampaigns: { name: "relevance-campaigns" },
  loyalty: { name: "loyalty" },
  loyaltyTrend: { name: "loyalty-trend" },
  loyaltyPressure: { name: "loyalty-pressure" },
  cohorts: { name: "cohorts" },
} as const satisfies Record<string, PageMetric>;

const M = PAGE_METRICS;

/** Every request of the Overview's tiles. */
export const OVERVIEW_PAGE_METRICS: readonly PageMetric[] = [
  M.overview,
  M.saturation,
  M.gap,
  M.overContacted,
  M.optout,
  M.statedVsActual,
  M.lifecycleYear,
  M.silent,
  M.audience,
  M.relevanceCampaigns,
];

/** Every request of the Loyalty page's tiles. */
export const LOYALTY_PAGE_METRICS: readonly PageMetric[] = [M.loyalty, M.loyaltyTrend, M.loyaltyPressure, M.cohorts];

/** The read API's query for one request of a tile (without the workspace slug). */
export function pageMetricParams(query: DashboardQuery, metric: PageMetric): Record<string, string> {
  return { ...commonMetricParams(query, metric.withComparison), ...metric.extra?.(query) };
}
