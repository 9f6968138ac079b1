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
 * Recomputes the contact facts in scope (delete and insert, in one transaction holding the
 * workspace's refresh lock) and returns how many contacts it wrote. What a fact depends on
 * reaches back at most 7 days before a new event (a click engages sends of the 7 days
 * before it) and forward without limit (opt-outs, preferences, 90 days of interest), so after
 * new events at or after `t` the facts of their customers from `t − 7 days` on are enough.
 */
export async function refreshContactFacts(prisma: PrismaClient, scope: ContactFactScope): Promise<number> {
  const facts = await prisma.$transaction((tx) => replaceContactFacts(tx, scope), TRANSACTION);
  await recordDataChange(prisma, scope.workspaceId);
  return facts;
}

/** refreshContactFacts inside the caller's transaction, with the change the facts must follow. */
export async function replaceContactFacts(
  tx: Prisma.TransactionClient,
  scope: ContactFactScope,
): Promise<number> {
  await lockWorkspace(tx, "contactFacts", scope.workspaceId);
  await tx.$executeRaw(Prisma.sql`
    DELETE FROM "ContactFact" f
    WHERE f."workspaceId" = ${scope.workspaceId} ${inScope(scope, Prisma.raw(`f`))}`);
  return tx.$executeRaw(insertFacts(scope));
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

function insertFacts(scope: ContactFactScope): Prisma.Sql {
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
    signals AS (
      -- Interest signals, one row per topic of the event (its topic and its topics, once each).
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
        AND o."ts" < d."ts" AND (o."channel" IS NULL OR o."channel" = d."channel")
      ORDER BY d."id", o."ts" DESC, (o."type" = 'consent_granted') ASC
    ),
    stated AS (
      -- The preferences_updated in force: the latest before the send (ties as CustomerPreference).
      SELECT DISTINCT ON (d."id") d."id", p."topics", p."maxPerWeek"
      FROM sends d
      JOIN "Event" p ON p."workspaceId" = ${workspaceId} AND p."customerId" = d."customerId"
        AND p."type" = 'preferences_updated' AND p."ts" < d."ts"
      ORDER BY d."id", p."ts" DESC, array_to_string(p."topics", ',') COLLATE "C" DESC,
        COALESCE(p."maxPerWeek", 0) DESC
    )
    INSERT INTO "ContactFact" ("workspaceId", "eventId", "customerId", "ts", "channel", "messageId",
      "campaignId", "kind", "topic", "clickedAt", "relevance", "optedOutAt", "statedTopics",
      "hasPreferences", "statedMaxPerWeek")
    SELECT ${workspaceId}, d."id", d."customerId", d."ts", d."channel", d."messageId", d."campaignId",
      d."kind", d."topic", en."clickedAt",
      CASE WHEN d."topic" IS NULL OR r."top" IS NULL THEN NULL
        ELSE round(CAST(100 * COALESCE(r."own", 0) / r."top" AS numeric)) END,
      CASE WHEN c."type" <> 'consent_granted' THEN c."ts" END,
      COALESCE(st."topics", '{}'), st."id" IS NOT NULL, st."maxPerWeek"
    FROM sends d
    LEFT JOIN relevance r ON r."id" = d."id"
    LEFT JOIN engaged en ON en."id" = d."id"
    LEFT JOIN consent c ON c."id" = d."id"
    LEFT JOIN stated st ON st."id" = d."id"
    -- In time order: a window's facts then sit in few pages (a 28-day read touches a 28-day slice).
    ORDER BY d."ts"`;
}
