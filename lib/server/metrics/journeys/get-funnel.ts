import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import {
  DEFAULT_CONVERSION_WINDOW_DAYS,
  type FunnelResult,
  type FunnelStep,
  MAX_FUNNEL_STEPS,
  MIN_FUNNEL_STEPS,
} from "@/lib/metrics/journeys";

import { customerCondition } from "../common/customer-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

import { eventMatches, hoursInterval } from "./event-match";

export interface FunnelMetricParams extends MetricParams {
  steps: FunnelStep[];
  /** Default 14 days (of 24 h). */
  conversionWindowDays?: number;
}

interface StepRow {
  step: number;
  customers: bigint;
  median: number | null;
}

/**
 * Funnel (METRICS.md §3): a customer enters at their first S1 in the window (ties by event
 * key) and reaches step k when S2..Sk follow in order, each the earliest matching event at or
 * after the previous match, all before entry + W. One event fills at most one step.
 */
export async function getFunnel(db: MetricsClient, params: FunnelMetricParams): Promise<FunnelResult> {
  const days = conversionDays(params);
  const { steps } = params;
  const rows = await db.$queryRaw<StepRow[]>(funnelSql(params, hoursInterval(days * 24)));
  const counts = rows.sort((a, b) => a.step - b.step).map((row) => Number(row.customers));
  const rate = (numerator: number, denominator: number) =>
    denominator === 0 ? null : numerator / denominator;
  return {
    conversionWindowDays: days,
    steps: steps.map((definition, index) => ({
      step: index + 1,
      definition,
      customers: counts[index],
      conversionFromFirst: rate(counts[index], counts[0]),
      conversionFromPrevious: index === 0 ? null : rate(counts[index], counts[index - 1]),
      medianSecondsFromPrevious:
        index === 0 || rows[index].median === null ? null : Number(rows[index].median),
    })),
  };
}

/** Checks a funnel's parameters; returns its conversion window in days. */
export function conversionDays(params: FunnelMetricParams): number {
  assertMetricParams(params);
  const { steps } = params;
  if (steps.length < MIN_FUNNEL_STEPS || steps.length > MAX_FUNNEL_STEPS) {
    throw new RangeError(`a funnel has ${MIN_FUNNEL_STEPS}–${MAX_FUNNEL_STEPS} steps`);
  }
  const days = params.conversionWindowDays ?? DEFAULT_CONVERSION_WINDOW_DAYS;
  if (!(days > 0)) throw new RangeError("conversionWindowDays must be positive");
  return days;
}

/**
 * The funnel's steps as CTEs s1…sN, one row per customer who reached the step: c (customer),
 * entry (their first S1), at (the matching event's time), gap (seconds since the step before).
 */
export function funnelStepTables(params: FunnelMetricParams, window: Prisma.Sql): Prisma.Sql[] {
  const distinctTypes = new Set(params.steps.map((step) => step.type)).size === params.steps.length;
  return distinctTypes ? earliestTimes(params, window) : earliestEvents(params, window);
}

/**
 * One CTE per step: s1 holds each entrant's first S1 in the window; s_k the earliest S_k of
 * each customer of s_(k−1) at or after its match, before entry + W. When no two steps share a
 * type, an event can never be wanted by two steps, so the match is just the earliest time of
 * each customer (grouped, no event ids to carry or ties to break); otherwise the event ids
 * used so far are carried along and excluded, and ties at one instant go by event key.
 */
function funnelSql(params: FunnelMetricParams, window: Prisma.Sql): Prisma.Sql {
  const ctes = funnelStepTables(params, window);
  const totals = params.steps.map((_, index) => {
    const name = Prisma.raw(`s${index + 1}`);
    return Prisma.sql`SELECT ${index + 1}::int AS step, COUNT(*) AS customers,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS median FROM ${name}`;
  });
  return Prisma.sql`WITH ${Prisma.join(ctes, ",\n")}
    ${Prisma.join(totals, "\nUNION ALL\n")}`;
}

/** Steps of distinct types: (c, entry, at, gap) with the earliest matching time per customer. */
function earliestTimes(params: FunnelMetricParams, window: Prisma.Sql): Prisma.Sql[] {
  const { workspaceId, from, to, steps } = params;
  const entry = Prisma.sql`s1 AS (
    SELECT e."customerId" AS c, MIN(e."ts") AS entry, MIN(e."ts") AS at, CAST(NULL AS float8) AS gap
    FROM "Event" e
    WHERE e."workspaceId" = ${workspaceId}
      AND e."ts" >= ${sqlInstant(from)} AND e."ts" < ${sqlInstant(to)}
      AND ${eventMatches(steps[0], params)}
      AND ${customerCondition(params, Prisma.sql`e."customerId"`)}
    GROUP BY e."customerId")`;
  const later = steps.slice(1).map((step, index) => {
    const name = Prisma.raw(`s${index + 2}`);
    const previous = Prisma.raw(`s${index + 1}`);
    return Prisma.sql`${name} AS (
      SELECT p.c, p.entry, MIN(e."ts") AS at,
        CAST(EXTRACT(EPOCH FROM MIN(e."ts") - p.at) AS float8) AS gap
      FROM ${previous} p
      JOIN "Event" e ON e."workspaceId" = ${workspaceId} AND e."customerId" = p.c
        AND e."ts" >= p.at AND e."ts" < p.entry + ${window}
        AND e."ts" >= ${sqlInstant(from)} AND e."ts" < ${sqlInstant(to)} + ${window}
      WHERE ${eventMatches(step, params)}
      GROUP BY p.c, p.entry, p.at)`;
  });
  return [entry, ...later];
}

/** Steps sharing a type: (c, entry, at, ids, gap) with the earliest matching event not used before. */
function earliestEvents(params: FunnelMetricParams, window: Prisma.Sql): Prisma.Sql[] {
  const { workspaceId, from, to, steps } = params;
  const entry = Prisma.sql`s1 AS (
    SELECT DISTINCT ON (e."customerId") e."customerId" AS c, e."ts" AS entry, e."ts" AS at,
      ARRAY[e."id"] AS ids, CAST(NULL AS float8) AS gap
    FROM "Event" e
    WHERE e."workspaceId" = ${workspaceId}
      AND e."ts" >= ${sqlInstant(from)} AND e."ts" < ${sqlInstant(to)}
      AND ${eventMatches(steps[0], params)}
      AND ${customerCondition(params, Prisma.sql`e."customerId"`)}
    ORDER BY e."customerId", e."ts", e."eventKey" COLLATE "C")`;
  const later = steps.slice(1).map((step, index) => {
    const name = Prisma.raw(`s${index + 2}`);
    const previous = Prisma.raw(`s${index + 1}`);
    return Prisma.sql`${name} AS (
      SELECT DISTINCT ON (p.c) p.c, p.entry, e."ts" AS at, p.ids || e."id" AS ids,
        CAST(EXTRACT(EPOCH FROM e."ts" - p.at) AS float8) AS gap
      FROM ${previous} p
      JOIN "Event" e ON e."workspaceId" = ${workspaceId} AND e."customerId" = p.c
        AND e."ts" >= p.at AND e."ts" < p.entry + ${window}
        AND e."ts" >= ${sqlInstant(from)} AND e."ts" < ${sqlInstant(to)} + ${window}
        AND NOT (e."id" = ANY(p.ids))
      WHERE ${eventMatches(step, params)}
      ORDER BY p.c, e."ts", e."eventKey" COLLATE "C")`;
  });
  return [entry, ...later];
}
