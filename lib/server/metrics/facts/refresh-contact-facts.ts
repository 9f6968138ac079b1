import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { lockWorkspace } from "@/lib/server/db/workspace-lock";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";

import { sqlInstant } from "../common/sql-instant";

/** Which contact facts to recompute: all of a workspace, or some customers' from a time on. */
export interface ContactFactScope {
  workspaceId: number;
  /** Only these customers; absent = every customer. */
  customerIds?: readonly string[] | null;
  /** Only sends at or after this instant; absent = all time. */
  since?: Date | null;
}

// Signals count for 90 days; a click engages a send for 7 (METRICS.md). Hours, not days:
// an interval in days would follow the session's daylight-saving changes.
const SIGNAL_HORIZON = Prisma.raw(`interval '2160 hours'`);
const CLICK_WINDOW = Prisma.raw(`interval '168 hours'`);
const HALF_LIFE_SECONDS = 30 * 86_400;
const HOUR_MS = 3_600_000;

const TRANSACTION = { maxWait: 60_000, timeout: 30 * 60_000 } as const;

/**
 * Recomputes the contact facts in scope (in one transaction holding the workspace's refresh
 * lock) and returns how many facts it wrote. What a fact depends on reaches back at most 7
 * days before a new event (a click engages sends of the 7 days before it) and forward without
 * limit (opt-outs, preferences, 90 days of interest), so after new events at or after `t` the
 * facts of their customers from `t − 7 days` on are enough.
 */
export async function refreshContactFacts(prisma: PrismaClient, scope: ContactFactScope): Promise<number> {
  const facts = await prisma.$transaction((tx) => replaceContactFacts(tx, scope), TRANSACTION);
  await recordDataChange(prisma, scope.workspaceId, scope.since ?? null);
  return facts;
}

/**
 * refreshContactFacts inside the caller's transaction, with the change the facts must follow.
 * A whole workspace is deleted and inserted again. Part of one is merged: facts computed the
 * same as stored are left alone, changed ones updated, new ones inserted, and stored ones whose
 * send is gone deleted. After a batch of events most facts in scope do not change (the sends of
 * the week before, recomputed for a click or a signal that touches few of them); rewriting
 * them all cost more than computing them (0.75 of 2.5 s at 200,000 customers).
 */
export async function replaceContactFacts(
  tx: Prisma.TransactionClient,
  scope: ContactFactScope,
): Promise<number> {
  await lockWorkspace(tx, "contactFacts", scope.workspaceId);
  if (scope.customerIds || scope.since) return tx.$executeRaw(mergeFacts(scope));
  await tx.$executeRaw(Prisma.sql`DELETE FROM "ContactFact" f WHERE f."workspaceId" = ${scope.workspaceId}`);
  return tx.$executeRaw(Prisma.sql`
    ${computedFacts(scope)}
    INSERT INTO "ContactFact" (${COLUMNS})
    SELECT ${COLUMNS} FROM facts
    -- In time order: a window's facts then sit in few pages (a 28-day read touches a 28-day slice).
    ORDER BY "ts"`);
}

/** The scope after events of some customers at or after `from`: their facts from `from − 7 days`. */
export function scopeAfterEvents(change: {
  workspaceId: number;
  from: Date;
  customerIds?: readonly string[];
}): ContactFactScope {
  return {
    workspaceId: change.workspaceId,
    customerIds: change.customerIds ?? null,
    since: new Date(change.from.getTime() - 168 * HOUR_MS),
  };
}

function inScope(scope: ContactFactScope, alias: Prisma.Sql, since = scope.since): Prisma.Sql {
  const customers = scope.customerIds
    ? Prisma.sql`AND ${alias}."customerId" = ANY(${[...scope.customerIds]}::text[])`
    : Prisma.empty;
  const time = since ? Prisma.sql`AND ${alias}."ts" >= ${sqlInstant(since)}` : Prisma.empty;
  return Prisma.sql`${customers} ${time}`;
}

/**
 * The scope's customers again on a joined table: implied by the join on the customer, but
 * stated, the planner reads only their consent and preference events instead of sorting
 * every one of the workspace's to merge them in (0.75 s of a 10,000-event refresh at 200,000
 * customers). Nothing when the scope is every customer.
 */
const customersOf = (scope: ContactFactScope, alias: "o" | "p") =>
  inScope({ ...scope, since: null }, Prisma.raw(alias), null);

const COLUMN_NAMES = [
  "workspaceId", "eventId", "customerId", "ts", "channel", "messageId", "campaignId", "kind", "topic",
  "clickedAt", "relevance", "optedOutAt", "statedTopics", "hasPreferences", "statedMaxPerWeek",
]; // prettier-ignore
const COLUMNS = Prisma.raw(COLUMN_NAMES.map((name) => `"${name}"`).join(", "));
/** Every column but the key: what a merge compares and updates. */
const VALUES = COLUMN_NAMES.filter((name) => name !== "workspaceId" && name !== "eventId");
const stored = Prisma.raw(VALUES.map((name) => `"ContactFact"."${name}"`).join(", "));
const excluded = Prisma.raw(VALUES.map((name) => `EXCLUDED."${name}"`).join(", "));
const assignments = Prisma.raw(VALUES.map((name) => `"${name}" = EXCLUDED."${name}"`).join(", "));

/** The scope's facts merged into the stored ones (see replaceContactFacts), in one statement. */
function mergeFacts(scope: ContactFactScope): Prisma.Sql {
  return Prisma.sql`
    ${computedFacts(scope)},
    gone AS (
      DELETE FROM "ContactFact" f
      WHERE f."workspaceId" = ${scope.workspaceId} ${inScope(scope, Prisma.raw(`f`))}
        -- NOT IN (a hashed list), not NOT EXISTS: the planner, which takes the scope for a few
        -- facts, chose a nested loop over them per stored fact (quadratic in one customer's sends).
        AND f."eventId" NOT IN (SELECT n."eventId" FROM facts n)
    )
    INSERT INTO "ContactFact" (${COLUMNS})
    SELECT ${COLUMNS} FROM facts ORDER BY "ts"
    ON CONFLICT ("workspaceId", "eventId") DO UPDATE SET ${assignments}
      WHERE (${stored}) IS DISTINCT FROM (${excluded})`;
}

/** `WITH …, facts AS (…)`: the contact facts of the sends in scope, computed from the events. */
function computedFacts(scope: ContactFactScope): Prisma.Sql {
  const workspaceId = scope.workspaceId;
  const signalsSince = scope.since ? new Date(scope.since.getTime() - 2160 * HOUR_MS) : null;
  return Prisma.sql`
    WITH sends AS (
      SELECT e."id", e."customerId", e."ts", e."channel", e."messageId", e."campaignId",
        COALESCE(e."messageKind", 'promotional') AS "kind", e."topic"
      FROM "Event" e
      WHERE e."workspaceId" = ${workspaceId} AND e."type" = 'message_sent'
        AND e."messageKind" IS DISTINCT FROM 'transactional' ${inScope(scope, Prisma.raw(`e`))}
    ),
    signals AS ${scope.customerIds ? Prisma.raw("MATERIALIZED") : Prisma.empty} (
      -- Interest signals, one row per topic of the event (its topic and its topics, once each).
      -- Some customers' signals are listed once before the join: inlined, each topic list was
      -- unnested once per send it joined (per pair), which grows with the square of a customer's
      -- contacts (3.3 million pairs for one customer with 2,800 sends in a month).
      SELECT s."customerId", s."ts", t."topic",
        CASE s."type" WHEN 'product_viewed' THEN 1 WHEN 'message_clicked' THEN 2 WHEN 'cart_added' THEN 3 ELSE 5 END
          AS "weight"
      FROM "Event" s
      CROSS JOIN LATERAL (
        SELECT DISTINCT x FROM unnest(array_append(s."topics", s."topic")) AS x WHERE x IS NOT NULL
      ) AS t("topic")
      WHERE s."workspaceId" = ${workspaceId}
        AND s."type" IN ('product_viewed', 'message_clicked', 'cart_added', 'purchased')
        ${inScope(scope, Prisma.raw(`s`), signalsSince)}
    ),
    interest AS (
      SELECT d."id", (g."topic" = d."topic") AS "own",
        SUM(g."weight" * power(0.5::float8,
          EXTRACT(EPOCH FROM d."ts" - g."ts")::float8 / ${HALF_LIFE_SECONDS}::float8)) AS "score"
      FROM sends d
      JOIN signals g ON g."customerId" = d."customerId" AND g."ts" < d."ts" AND g."ts" >= d."ts" - ${SIGNAL_HORIZON}
      GROUP BY d."id", g."topic", d."topic"
    ),
    relevance AS (
      SELECT i."id", MAX(i."score") AS "top", MAX(i."score") FILTER (WHERE i."own") AS "own"
      FROM interest i
      GROUP BY i."id"
    ),
    engaged AS (
      SELECT d."id", MIN(k."ts") AS "clickedAt"
      FROM sends d
      JOIN "Event" k ON k."workspaceId" = ${workspaceId} AND k."customerId" = d."customerId"
        AND k."messageId" = d."messageId" AND k."type" = 'message_clicked'
        AND k."ts" >= d."ts" AND k."ts" < d."ts" + ${CLICK_WINDOW}
      GROUP BY d."id"
    ),
    consent AS (
      -- The latest applicable opt-out or grant strictly before the send; an opt-out wins a tie.
      SELECT DISTINCT ON (d."id") d."id", o."ts", o."type"
      FROM sends d
      JOIN "Event" o ON o."workspaceId" = ${workspaceId} AND o."customerId" = d."customerId"
        AND o."type" IN ('unsubscribed', 'complained', 'consent_withdrawn', 'consent_granted')
        AND o."ts" < d."ts" AND (o."channel" IS NULL OR o."channel" = d."channel") ${customersOf(scope, "o")}
      ORDER BY d."id", o."ts" DESC, (o."type" = 'consent_granted') ASC
    ),
    stated AS (
      -- The preferences_updated in force: the latest before the send (ties as CustomerPreference).
      SELECT DISTINCT ON (d."id") d."id", p."topics", p."maxPerWeek"
      FROM sends d
      JOIN "Event" p ON p."workspaceId" = ${workspaceId} AND p."customerId" = d."customerId"
        AND p."type" = 'preferences_updated' AND p."ts" < d."ts" ${customersOf(scope, "p")}
      ORDER BY d."id", p."ts" DESC, array_to_string(p."topics", ',') COLLATE "C" DESC,
        COALESCE(p."maxPerWeek", 0) DESC
    ),
    facts AS (
      SELECT CAST(${workspaceId} AS int) AS "workspaceId", d."id" AS "eventId", d."customerId", d."ts",
        d."channel", d."messageId", d."campaignId", d."kind", d."topic", en."clickedAt",
        CAST(CASE WHEN d."topic" IS NULL OR r."top" IS NULL THEN NULL
          ELSE round(CAST(100 * COALESCE(r."own", 0) / r."top" AS numeric)) END AS smallint) AS "relevance",
        CASE WHEN c."type" <> 'consent_granted' THEN c."ts" END AS "optedOutAt",
        COALESCE(st."topics", '{}') AS "statedTopics", st."id" IS NOT NULL AS "hasPreferences",
        st."maxPerWeek" AS "statedMaxPerWeek"
      FROM sends d
      LEFT JOIN relevance r ON r."id" = d."id"
      LEFT JOIN engaged en ON en."id" = d."id"
      LEFT JOIN consent c ON c."id" = d."id"
      LEFT JOIN stated st ON st."id" = d."id"
    )`;
}
