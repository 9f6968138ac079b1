import type { MetricRequestParams } from "@/lib/metrics/metric-query-keys";
import type { MetricResponse } from "@/lib/metrics/query";

/** An error of the read API, carrying the server's own message. */
export class MetricRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "MetricRequestError";
  }
}

/** GET /api/v1/metrics/<name> with the session; throws the API's message on a non-2xx answer. */
export async function fetchMetric<T>(
  workspace: string,
  name: string,
  params: MetricRequestParams,
  signal?: AbortSignal,
): Promise<MetricResponse<T>> {
  return fetchMetricPath<MetricResponse<T>>(workspace, encodeURIComponent(name), params, signal);
}

/** GET /api/v1/metrics/<name>/customers: one page of the customers a metric counts. */
export async function fetchCustomerList<T>(
  workspace: string,
  name: string,
  params: MetricRequestParams,
  signal?: AbortSignal,
): Promise<MetricResponse<T>> {
  return fetchMetricPath<MetricResponse<T>>(
    workspace,
    `${encodeURIComponent(name)}/customers`,
    params,
    signal,
  );
}

async function fetchMetricPath<Body>(
  workspace: string,
  path: string,
  params: MetricRequestParams,
  signal?: AbortSignal,
): Promise<Body> {
  const search = new URLSearchParams({ workspace, ...params });
  return fetchApiJson<Body>(`/api/v1/metrics/${path}?${search}`, signal);
}

/** GET of one of the app's JSON endpoints with the session; throws the API's message on a non-2xx answer. */
export async function fetchApiJson<Body>(url: string, signal?: AbortSignal): Promise<Body> {
  const response = await fetch(url, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new MetricRequestError(
      body?.error?.message ?? `The server answered ${response.status}.`,
      response.status,
    );
  }
  return (await response.json()) as Body;
}
