import "server-only";

import type { Workspace } from "@/lib/generated/prisma/client";
import type { MetricResponse } from "@/lib/metrics/query";

import type { MetricsClient } from "../common/metric-params";

import type { MetricDefinition } from "./metric-definition";
import { resolveMetricQuery } from "./resolve-metric-query";

/**
 * Answers one metric request: validates and resolves the query, then computes the metric for
 * the window and, when asked, for the comparison window — in parallel, from one call.
 */
export async function runMetric(
  db: MetricsClient,
  metric: MetricDefinition,
  search: URLSearchParams,
  access: { workspace: Workspace; userId: string | null },
): Promise<MetricResponse<unknown>> {
  const { params, comparison, extra, echo } = await resolveMetricQuery(metric, search, access);
  const [result, previous] = await Promise.all([
    metric.run(db, params, extra),
    comparison ? metric.run(db, { ...params, ...comparison }, extra) : null,
  ]);
  return { metric: metric.name, query: echo, result, comparison: previous };
}
