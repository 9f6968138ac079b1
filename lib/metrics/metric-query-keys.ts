/** The query parameters of one metric request, as strings (what goes in the URL). */
export type MetricRequestParams = Readonly<Record<string, string>>;

/** TanStack Query keys of the metrics read API: one factory, so invalidation can aim at a workspace. */
export const metricKeys = {
  all: ["metric"] as const,
  workspace: (workspace: string) => ["metric", workspace] as const,
  metric: (workspace: string, name: string, params: MetricRequestParams) =>
    ["metric", workspace, name, params] as const,
  customers: (workspace: string, name: string, params: MetricRequestParams) =>
    ["metric", workspace, name, "customers", params] as const,
};
