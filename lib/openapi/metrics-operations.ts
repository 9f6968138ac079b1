import { z } from "zod";

import { CUSTOMER_LIST_CATALOGUE, METRIC_CATALOGUE, type MetricDescriptor } from "@/lib/metrics/catalogue";
import { metricQuery } from "@/lib/metrics/query";

import { type JsonSchema, schemaRef } from "./component-schemas";

const COMMON_DESCRIPTIONS: Record<keyof typeof metricQuery.shape, string> = {
  workspace: "Workspace slug. Only for requests with a session; an API key carries its workspace.",
  from: "First day (YYYY-MM-DD, in `tz`) or first instant (ISO 8601 with offset), inclusive. Default: the metric's default length before `to`.",
  to: "Last day (YYYY-MM-DD, inclusive: the window ends at the next midnight in `tz`) or end instant (exclusive). Default: the day of the workspace's latest data.",
  tz: "IANA time zone for dates and calendar months. Default: the workspace's.",
  channel:
    "Restricts contacts (message_sent) to one channel; clicks, opt-outs and interest signals are never channel-filtered.",
  segment:
    'A segment filter as JSON (docs/metrics.md, "Segments"), e.g. {"field":"trait","key":"country","op":"eq","value":"DK"}.',
  segmentId: "The id of a saved segment (shared, or your own with a session). Not together with `segment`.",
  compare:
    "`previous`: also compute the same length of time right before; `year`: the same weeks 52 weeks earlier. The second result is in `comparison`.",
};

function parameter(name: string, schema: z.ZodType, description?: string) {
  return {
    name,
    in: "query",
    required: false,
    description,
    schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema,
  };
}

const commonParameters = Object.entries(metricQuery.shape).map(([name, schema]) =>
  parameter(name, schema, COMMON_DESCRIPTIONS[name as keyof typeof metricQuery.shape]),
);

const errors = {
  "400": "Invalid query: every problem named with its parameter.",
  "401": "No valid API key or session.",
  "403":
    "The key lacks the `read` scope, or the role may not see this (customer lists: admins and analysts only; no API key).",
  "404": "No such metric, or no such saved segment in the workspace.",
};

function operation(
  path: string,
  operationId: string,
  metric: MetricDescriptor,
  security: Record<string, string[]>[],
  result: string,
): [string, Record<string, unknown>] {
  return [
    path,
    {
      get: {
        operationId,
        tags: ["Metrics"],
        summary: metric.summary,
        description: `Default window: the ${metric.defaultDays} days ending with the latest data. Definitions: docs/metrics.md.`,
        security,
        parameters: [
          ...commonParameters,
          ...Object.entries(metric.params as Record<string, z.ZodType>).map(([key, schema]) =>
            parameter(key, schema, schema.description),
          ),
        ],
        responses: {
          "200": {
            description: `${result} \`query\` echoes the resolved window and filters; \`comparison\` holds the comparison window's result or null.`,
            content: { "application/json": { schema: schemaRef("MetricResponse") } },
          },
          ...Object.fromEntries(
            Object.entries(errors).map(([status, description]) => [
              status,
              { description, content: { "application/json": { schema: schemaRef("Error") } } },
            ]),
          ),
        },
      },
    },
  ];
}

const operationName = (name: string) => name.replace(/-/g, "_");

/**
 * One `GET /api/v1/metrics/<name>` operation per metric of the catalogue, and one
 * `GET /api/v1/metrics/<name>/customers` per customer list (sessions only: an API key's
 * `read` scope does not reach customer-level data).
 */
export function metricsPaths(): Record<string, Record<string, unknown>> {
  return Object.fromEntries([
    ...Object.entries(METRIC_CATALOGUE).map(([name, metric]) =>
      operation(
        `/api/v1/metrics/${name}`,
        `getMetric_${operationName(name)}`,
        metric,
        [{ apiKey: ["read"] }, { session: [] }],
        "The metric: `result` holds the numbers (rates as fractions 0–1 with the counts behind them; null where a denominator is zero).",
      ),
    ),
    ...Object.entries(CUSTOMER_LIST_CATALOGUE).map(([name, list]) =>
      operation(
        `/api/v1/metrics/${name}/customers`,
        `getCustomerList_${operationName(name)}`,
        list,
        [{ session: [] }],
        "One page of the customers: `result` holds `total` (rows over every page) and the page's rows.",
      ),
    ),
  ]);
}
