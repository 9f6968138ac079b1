import type { z } from "zod";

/**
 * The metrics of the read API (`GET /api/v1/metrics/<name>`), as the API description and the
 * UI see them: a summary, the default window, and the metric's own query parameters (a zod
 * shape merged with the common metric query of lib/metrics/query.ts). The server pairs each
 * with the function computing it (lib/server/metrics/api/metric-registry.ts).
 */
export interface MetricDescriptor<Params extends z.ZodRawShape = z.ZodRawShape> {
  summary: string;
  /** Days in the default window, ending with the day of the latest data. */
  defaultDays: number;
  /** Query parameters of this metric only: strings in a URL, so coerce or JSON-decode them. */
  params: Params;
}

const describe = <Params extends z.ZodRawShape>(descriptor: MetricDescriptor<Params>) => descriptor;

export const METRIC_CATALOGUE = {
  overview: describe({
    summary:
      "The Overview's numbers: contacts, contacted customers, median contacts per week, contacts after opt-out.",
    defaultDays: 28,
    params: {},
  }),
};

export type MetricName = keyof typeof METRIC_CATALOGUE;
export const METRIC_NAMES = Object.keys(METRIC_CATALOGUE) as MetricName[];
