"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { commonMetricParams } from "@/lib/metrics/dashboard-query";
import { metricKeys } from "@/lib/metrics/metric-query-keys";
import type { PageMetric } from "@/lib/metrics/page-metrics";
import type { MetricResponse } from "@/lib/metrics/query";


import { useDashboardQuery } from "./dashboard-query";
import { fetchMetric } from "./fetch-metric";

/**
 * One metric of the read API for the dashboard's window, channel and segment (and the
 * comparison period when asked), plus the metric's own parameters (which override). Keeps the previous result while a new one loads.
 */
export function useMetric<T>(
  name: string,
  extra: Record<string, string | undefined> = {},
  options: { withComparison?: boolean } = {},
) {
  const query = useDashboardQuery();
  const params: Record<string, string> = { ...commonMetricParams(query, options.withComparison) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params[key] = value;
  return useQuery<MetricResponse<T>>({
    queryKey: metricKeys.metric(query.workspace, name, params),
    queryFn: ({ signal }) => fetchMetric<T>(query.workspace, name, params, signal),
    placeholderData: keepPreviousData,
    retry: (failures, error) => failures < 2 && !("status" in error && Number(error.status) < 500),
  });
}

/** A tile's request as the page declares it (lib/metrics/page-metrics.ts). */
export function usePageMetric<T>(metric: PageMetric) {
  const query = useDashboardQuery();
  return useMetric<T>(metric.name, metric.extra?.(query) ?? {}, { withComparison: metric.withComparison });
}
