import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { FREQUENCY_BUCKETS } from "@/lib/metrics/frequency-buckets";
import type { Comparison, SegmentFilter, SegmentLeaf } from "@/lib/metrics/segment";

import { aboveCap, windowBucketIndex } from "./frequency-bucket-sql";
import { DEFAULT_FREQUENCY_CAP, type MetricParams } from "./metric-params";
import { sqlInstant } from "./sql-instant";

const OPERATORS: Record<Comparison, string> = { eq: "=", neq: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" };
const operator = (op: Comparison) => Prisma.raw(OPERATORS[op]);
const DAY_SECONDS = 86_400;

/**
 * The one function that turns a segment into SQL: a condition that holds when `column` (a
 * customer id of the params' workspace) belongs to the segment, or TRUE without one. Every
 * metric applies it. Values are bound parameters; operators come from a fixed table.
 */
export function customerCondition(params: MetricParams, column: Prisma.Sql): Prisma.Sql {
  if (!params.segment) return Prisma.sql`TRUE`;
  return Prisma.sql`${column} IN (${segmentCustomers(params, params.segment)})`;
}

/** The ids of the segment's customers: `SELECT id FROM "Customer" … WHERE <segment>`. */
export function segmentCustomers(params: MetricParams, segment: SegmentFilter): Prisma.Sql {
  return Prisma.sql`SELECT cu."id" FROM "Customer" cu
    WHERE cu."workspaceId" = ${params.workspaceId} AND (${compile(params, segment)})`;
}

function compile(params: MetricParams, filter: SegmentFilter): Prisma.Sql {
  if ("and" in filter)
    return Prisma.sql`(${Prisma.join(
      filter.and.map((f) => compile(params, f)),
      " AND ",
    )})`;
  if ("or" in filter)
    return Prisma.sql`(${Prisma.join(
      filter.or.map((f) => compile(params, f)),
      " OR ",
    )})`;
  // A trait test on a customer without the trait is NULL, not FALSE; NOT must still hold for them.
  if ("not" in filter) return Prisma.sql`NOT COALESCE(${compile(params, filter.not)}, FALSE)`;
  return compileLeaf(params, filter);
}

function compileLeaf(params: MetricParams, leaf: SegmentLeaf): Prisma.Sql {
  const { workspaceId, from, to } = params;
  switch (leaf.field) {
    case "trait":
      return traitCondition(leaf);
    case "purchasesInWindow":
    case "purchasesTotal": {
      const since =
        leaf.field === "purchasesInWindow" ? Prisma.sql`AND p."ts" >= ${sqlInstant(from)}` : Prisma.empty;
      const counts = Prisma.sql`SELECT p."customerId" AS id, COUNT(*) AS v FROM "Event" p
        WHERE p."workspaceId" = ${workspaceId} AND p."type" = 'purchased' AND p."ts" < ${sqlInstant(to)} ${since}
        GROUP BY p."customerId"`;
      return valueCondition(counts, leaf.op, leaf.value, compare(0, leaf.op, leaf.value));
    }
    case "daysSinceLastPurchase": {
      const recency = Prisma.sql`SELECT p."customerId" AS id,
          EXTRACT(EPOCH FROM ${sqlInstant(to)} - MAX(p."ts")) / ${DAY_SECONDS} AS v
        FROM "Event" p
        WHERE p."workspaceId" = ${workspaceId} AND p."type" = 'purchased' AND p."ts" < ${sqlInstant(to)}
        GROUP BY p."customerId"`;
      return valueCondition(recency, leaf.op, leaf.value, false);
    }
    case "contacted":
    case "engaged": {
      const engaged = leaf.field === "engaged" ? Prisma.sql`AND f."clickedAt" IS NOT NULL` : Prisma.empty;
      const set = Prisma.sql`cu."id" IN (SELECT f."customerId" FROM "ContactFact" f
        WHERE ${factsInWindow(params)} ${engaged})`;
      return leaf.value ? set : Prisma.sql`NOT ${set}`;
    }
    case "overContacted": {
      const cap = params.frequencyCap ?? DEFAULT_FREQUENCY_CAP;
      const set = Prisma.sql`cu."id" IN (${perWeekSet(params)} HAVING ${aboveCap(params, Prisma.sql`COUNT(*)`, cap)})`;
      return leaf.value ? set : Prisma.sql`NOT ${set}`;
    }
    case "frequencyBucket": {
      const indices = FREQUENCY_BUCKETS.flatMap((bucket, index) =>
        leaf.value.includes(bucket.id) ? [index] : [],
      );
      return Prisma.sql`cu."id" IN (${perWeekSet(params)}
        HAVING ${windowBucketIndex(params, Prisma.sql`COUNT(*)`)} = ANY(CAST(${indices} AS int[])))`;
    }
    case "relevance": {
      const [low, high] = leaf.value[0] <= leaf.value[1] ? leaf.value : [leaf.value[1], leaf.value[0]];
      return Prisma.sql`cu."id" IN (SELECT f."customerId" FROM "ContactFact" f
        WHERE ${factsInWindow(params)} AND f."relevance" IS NOT NULL
        GROUP BY f."customerId"
        HAVING AVG(f."relevance") BETWEEN ${low}::float8 AND ${high}::float8)`;
    }
    case "consent":
      return consentCondition(params, leaf.channel, leaf.value);
    case "statedTopic":
      return Prisma.sql`cu."id" IN (SELECT s."customerId" FROM (${statedInForce(params)}) s
        WHERE ${leaf.value} = ANY(s."topics"))`;
    case "hasStatedPreferences": {
      const set = Prisma.sql`cu."id" IN (SELECT s."customerId" FROM (${statedInForce(params)}) s
        WHERE cardinality(s."topics") > 0 OR s."maxPerWeek" IS NOT NULL)`;
      return leaf.value ? set : Prisma.sql`NOT ${set}`;
    }
    case "statedMaxPerWeek":
      return Prisma.sql`cu."id" IN (SELECT s."customerId" FROM (${statedInForce(params)}) s
        WHERE s."maxPerWeek" ${operator(leaf.op)} ${leaf.value}::float8)`;
  }
}

/** `(id, v)` rows compared with `op value`; customers without a row have v = 0 when `zeroMatches`. */
function valueCondition(rows: Prisma.Sql, op: Comparison, value: number, zeroMatches: boolean): Prisma.Sql {
  const matching = Prisma.sql`cu."id" IN (SELECT r.id FROM (${rows}) r WHERE r.v ${operator(op)} ${value}::float8)`;
  if (!zeroMatches) return matching;
  return Prisma.sql`(${matching} OR cu."id" NOT IN (SELECT r.id FROM (${rows}) r))`;
}

function compare(left: number, op: Comparison, right: number): boolean {
  switch (op) {
    case "eq":
      return left === right;
    case "neq":
      return left !== right;
    case "gt":
      return left > right;
    case "gte":
      return left >= right;
    case "lt":
      return left < right;
    case "lte":
      return left <= right;
  }
}

function factsInWindow({ workspaceId, from, to }: MetricParams): Prisma.Sql {
  return Prisma.sql`f."workspaceId" = ${workspaceId} AND f."ts" >= ${sqlInstant(from)} AND f."ts" < ${sqlInstant(to)}`;
}

/** Contacts in the window per contacted customer, on every channel: add a HAVING. */
function perWeekSet(params: MetricParams): Prisma.Sql {
  return Prisma.sql`SELECT f."customerId" FROM "ContactFact" f WHERE ${factsInWindow(params)} GROUP BY f."customerId"`;
}

type TraitLeaf = Extract<SegmentLeaf, { field: "trait" }>;

function traitCondition(leaf: TraitLeaf): Prisma.Sql {
  const text = Prisma.sql`(cu."traits" ->> ${leaf.key})`;
  switch (leaf.op) {
    case "exists":
      return Prisma.sql`(cu."traits" -> ${leaf.key}) IS NOT NULL`;
    case "missing":
      return Prisma.sql`(cu."traits" -> ${leaf.key}) IS NULL`;
    case "eq":
      return Prisma.sql`${text} = ${String(leaf.value)}`;
    case "neq":
      return Prisma.sql`${text} IS DISTINCT FROM ${String(leaf.value)}`;
    case "in":
      return Prisma.sql`${text} = ANY(${leaf.value.map(String)}::text[])`;
    case "notIn":
      return Prisma.sql`(${text} IS NULL OR NOT (${text} = ANY(${leaf.value.map(String)}::text[])))`;
    default: {
      const number = Prisma.sql`(CASE WHEN ${text} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN CAST(${text} AS numeric) END)`;
      return Prisma.sql`${number} ${operator(leaf.op)} ${leaf.value}::numeric`;
    }
  }
}

/**
 * Consent on a channel at the window's end: the latest of the customer's opt-outs and grants
 * before `to` that apply to the channel (its own or none); at the same instant an opt-out wins.
 */
function consentCondition(
  { workspaceId, to }: MetricParams,
  channel: string,
  state: "granted" | "optedOut" | "unknown",
): Prisma.Sql {
  const applicable = Prisma.sql`FROM "Event" o
    WHERE o."workspaceId" = ${workspaceId}
      AND o."type" IN ('unsubscribed', 'complained', 'consent_withdrawn', 'consent_granted')
      AND o."ts" < ${sqlInstant(to)}
      AND (o."channel" IS NULL OR CAST(o."channel" AS text) = ${channel})`;
  if (state === "unknown") return Prisma.sql`cu."id" NOT IN (SELECT o."customerId" ${applicable})`;
  const latest = Prisma.sql`SELECT DISTINCT ON (o."customerId") o."customerId", o."type" ${applicable}
    ORDER BY o."customerId", o."ts" DESC, (o."type" = 'consent_granted') ASC`;
  const test = state === "granted" ? Prisma.sql`=` : Prisma.sql`<>`;
  return Prisma.sql`cu."id" IN (SELECT l."customerId" FROM (${latest}) l WHERE l."type" ${test} 'consent_granted')`;
}

/**
 * The preferences_updated in force at the window's end for each customer who has one: the
 * latest before `to`, ties broken as in the derived CustomerPreference (greater content wins).
 */
export function statedInForce({ workspaceId, to }: MetricParams): Prisma.Sql {
  return Prisma.sql`SELECT DISTINCT ON (p."customerId") p."customerId", p."topics", p."maxPerWeek"
    FROM "Event" p
    WHERE p."workspaceId" = ${workspaceId} AND p."type" = 'preferences_updated' AND p."ts" < ${sqlInstant(to)}
    ORDER BY p."customerId", p."ts" DESC, array_to_string(p."topics", ',') COLLATE "C" DESC,
      COALESCE(p."maxPerWeek", 0) DESC`;
}
