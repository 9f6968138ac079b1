import "server-only";

import type { Workspace } from "@/lib/generated/prisma/client";
import type { MetricResponse } from "@/lib/metrics/query";

import { cachedMetric } from "../cache/metric-cache";
import type { MetricsClient } from "../common/metric-params";

import type { MetricDefinition } from "./metric-definition";
import { resolveMetricQuery } from "./resolve-metric-query";

/**
 * Answers one metric request: validates and resolves the query, then computes the metric for
 * the window and, when asked, for the comparison window — in parallel, from one call. With
 * `cache`, a result computed for the same resolved query since the workspace's data last
 * changed is served again (lib/server/metrics/cache).
 */
export async function runMetric(
  db: MetricsClient,
  metric: MetricDefinition,
  search: URLSearchParams,
  access: { workspace: Workspace; userId: string | null },
  options: { cache?: boolean } = {},
): Promise<MetricResponse<unknown>> {
  const { params, comparison, extra, echo } = await resolveMetricQuery(metric, search, access);
  const compute = () =>
    Promise.all([
      metric.run(db, params, extra),
      comparison ? metric.run(db, { ...params, ...comparison }, extra) : null,
    ]);
  // The resolved query names everything a result depends on besides the data: window,
  // comparison, channel, segment definition, time zone, cap and the metric's own parameters.
  const key = JSON.stringify([metric.name, params, comparison, extra]);
  const [result, previous] = options.cache
    ? await cachedMetric(db, params.workspaceId, key, compute)
    : await compute();
  return { metric: metric.name, query: echo, result, comparison: previous };
}
