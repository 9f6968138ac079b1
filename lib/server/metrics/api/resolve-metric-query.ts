import "server-only";

import { z } from "zod";

import { zonedDate, zonedMidnight } from "@/lib/date-window";
import type { Workspace } from "@/lib/generated/prisma/client";
import { isDateOnly, metricQuery, type ResolvedQuery } from "@/lib/metrics/query";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { getUsableSegmentDefinition } from "@/lib/server/segments/saved-segments";
import { getAnchorDate } from "@/lib/server/workspaces/get-anchor-date";

import type { MetricParams, MetricWindow } from "../common/metric-params";
import { previousWindow } from "../common/metric-params";

import type { MetricDefinition } from "./metric-definition";

const DAY_MS = 86_400_000;
/** The longest window a request may ask for: three years and a day. */
export const MAX_WINDOW_DAYS = 3 * 366;

export interface ResolvedMetricQuery<Extra> {
  params: MetricParams;
  comparison: MetricWindow | null;
  extra: Extra;
  echo: ResolvedQuery;
}

/** "from: not a date …; segment: …" — every problem, each with the parameter it concerns. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join(".");
      const message =
        issue.code === "unrecognized_keys" ? `unknown parameter(s) ${issue.keys.join(", ")}` : issue.message;
      return path ? `${path}: ${message}` : message;
    })
    .join("; ");
}

/**
 * Validates a metric request's query string and resolves it against the workspace: dates in
 * the time zone, default window ending with the latest data, saved segment (the caller's own
 * or shared; an API key sees shared ones only), comparison window.
 */
export async function resolveMetricQuery<Extra extends z.ZodRawShape>(
  definition: MetricDefinition<Extra>,
  search: URLSearchParams,
  access: { workspace: Workspace; userId: string | null },
  now = new Date(),
): Promise<ResolvedMetricQuery<z.infer<z.ZodObject<Extra>>>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of search) {
    if (key in raw) throw new AppError("invalid_input", `${key}: given more than once`);
    raw[key] = value;
  }
  // The common parameters, then the metric's own; anything else is an unknown parameter.
  const common: Record<string, string> = {};
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) (key in metricQuery.shape ? common : own)[key] = value;
  const parsed = metricQuery.safeParse(common);
  const parsedExtra = z.strictObject(definition.params).safeParse(own);
  const issues = [...(parsed.error?.issues ?? []), ...(parsedExtra.error?.issues ?? [])];
  if (!parsed.success || !parsedExtra.success)
    throw new AppError("invalid_input", describeIssues(new z.ZodError(issues)));
  const query = parsed.data;
  const extra = parsedExtra.data;
  const { workspace } = access;
  const timeZone = query.tz ?? workspace.timeZone;

  const to = query.to
    ? endOf(query.to, timeZone)
    : zonedMidnight(nextDay((await getAnchorDate(workspace, now)).anchorDate), timeZone);
  const from = query.from
    ? startOf(query.from, timeZone)
    : defaultFrom(to, query.to, definition.defaultDays, timeZone);
  if (from.getTime() >= to.getTime()) throw new AppError("invalid_input", "from: must be before to");
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new AppError("invalid_input", `to: the window may span at most ${MAX_WINDOW_DAYS} days`);
  }

  if (query.segment && query.segmentId) {
    throw new AppError("invalid_input", "segment: give either segment or segmentId, not both");
  }
  const segment =
    query.segment ??
    (query.segmentId
      ? await getUsableSegmentDefinition((await getDb()).prisma, workspace.id, query.segmentId, access.userId)
      : null);
  const comparison =
    query.compare === "previous"
      ? previousWindow({ from, to })
      : query.compare === "year"
        ? { from: new Date(from.getTime() - 364 * DAY_MS), to: new Date(to.getTime() - 364 * DAY_MS) }
        : null;

  const { channel, segmentId } = query;
  const params: MetricParams = {
    workspaceId: workspace.id,
    from,
    to,
    channel: channel ?? null,
    segment,
    timeZone,
    frequencyCap: workspace.frequencyCap,
  };
  return {
    params,
    comparison,
    extra,
    echo: {
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone,
      channel: channel ?? null,
      segment,
      segmentId: segmentId ?? null,
      comparison: comparison && { from: comparison.from.toISOString(), to: comparison.to.toISOString() },
    },
  };
}

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A date's first instant; an instant as given. */
function startOf(value: string, timeZone: string): Date {
  return isDateOnly(value) ? zonedMidnight(value, timeZone) : new Date(value);
}

/** A date is the last day, inclusive: the window ends at the next midnight. An instant is the end. */
function endOf(value: string, timeZone: string): Date {
  return isDateOnly(value) ? zonedMidnight(nextDay(value), timeZone) : new Date(value);
}

/** `days` calendar days ending with the window's last day, or days × 24 h before an instant. */
function defaultFrom(to: Date, given: string | undefined, days: number, timeZone: string): Date {
  if (given && !isDateOnly(given)) return new Date(to.getTime() - days * DAY_MS);
  const lastDay = zonedDate(new Date(to.getTime() - 1), timeZone);
  const [y, m, d] = lastDay.split("-").map(Number);
  return zonedMidnight(new Date(Date.UTC(y, m - 1, d - days + 1)).toISOString().slice(0, 10), timeZone);
}
