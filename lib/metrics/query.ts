import { z } from "zod";

import { CHANNELS } from "@/lib/events/enums";

import { segmentDefinition } from "./segment";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date (`YYYY-MM-DD`, a day in the report's time zone) or an ISO 8601 instant with offset. */
export const dateOrInstant = z
  .string()
  .trim()
  .refine(
    (value) =>
      (DATE.test(value) && isCalendarDate(value)) ||
      (INSTANT.test(value) && !Number.isNaN(Date.parse(value))),
    "not a date (YYYY-MM-DD) or an ISO 8601 instant with offset (2026-03-01T00:00:00Z)",
  )
  // A window ends at the midnight after its last day: in year 9999 that has no ISO form.
  .refine(
    (value) => Number(value.slice(0, 4)) >= 1000 && Number(value.slice(0, 4)) <= 9998,
    "must lie in the years 1000–9998",
  );

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export const isDateOnly = (value: string) => DATE.test(value);

/** An IANA time zone this server knows. */
export const timeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "not an IANA time zone (e.g. Europe/Copenhagen)");

/** A JSON-encoded value in a query parameter, validated by `schema`. */
export function jsonParam<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .max(20_000, "longer than 20,000 characters")
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** A page of a customer-level list: at most 500 rows. */
export const listPaging = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe("Rows per page, 1–500."),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("Rows skipped before the page."),
});
/** Paging as a list function takes it: defaults 50 and 0. */
export type ListPaging = Partial<z.infer<typeof listPaging>>;

export const COMPARISONS = ["none", "previous", "year"] as const;
export type ComparisonMode = (typeof COMPARISONS)[number];

/**
 * The query every metric endpoint takes (`GET /api/v1/metrics/<name>`): window, time zone,
 * channel filter, segment (inline JSON or a saved segment's id) and comparison period.
 */
export const metricQuery = z.strictObject({
  /** Workspace slug, for requests with a session (API keys carry their workspace). */
  workspace: z.string().max(64).optional(),
  /** First day or instant, inclusive; default: `days` before `to`. */
  from: dateOrInstant.optional(),
  /** Last day (inclusive) or end instant (exclusive); default: the day of the latest data. */
  to: dateOrInstant.optional(),
  /** IANA zone for dates and calendar months; default the workspace's. */
  tz: timeZone.optional(),
  channel: z.enum(CHANNELS).optional(),
  segment: jsonParam(segmentDefinition).optional(),
  segmentId: z.coerce.number().int().positive().optional(),
  /** Also compute the comparison window: the previous period, or the same weeks a year before. */
  compare: z.enum(COMPARISONS).default("none"),
});
export type MetricQueryInput = z.input<typeof metricQuery>;

/** The window and filters a metric was computed for, echoed in every response. */
export interface ResolvedQuery {
  from: string;
  to: string;
  timeZone: string;
  channel: string | null;
  segment: unknown;
  segmentId: number | null;
  comparison: { from: string; to: string } | null;
}

/** The body of every metric endpoint: what was asked, the result, and the comparison's result. */
export interface MetricResponse<T> {
  metric: string;
  query: ResolvedQuery;
  result: T;
  comparison: T | null;
}

/** The response envelope as a schema, for the API description. */
export const metricResponseEnvelope = z.object({
  metric: z.string(),
  query: z.object({
    from: z.string().describe("Start of the window, inclusive (ISO instant)."),
    to: z.string().describe("End of the window, exclusive (ISO instant)."),
    timeZone: z.string(),
    channel: z.string().nullable(),
    segment: z.unknown().describe("The segment filter applied, or null."),
    segmentId: z.number().nullable(),
    comparison: z.object({ from: z.string(), to: z.string() }).nullable(),
  }),
  result: z.unknown().describe("The metric's numbers (see docs/metrics.md for each metric's fields)."),
  comparison: z.unknown().describe("The same numbers for the comparison window, or null."),
});
