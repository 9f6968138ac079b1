import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { TOPIC_INHERITING_TYPES } from "@/lib/schemas/event";

import { fromSource, type EventSource } from "./event-source";
import type { SqlTx } from "./keyed-event";

const INHERITING = Prisma.join(TOPIC_INHERITING_TYPES.map((type) => Prisma.sql`${type}`));

/**
 * Topic inheritance, both ways (EVENTS.md): deliveries, bounces, opens and clicks without a
 * topic of their own take the topic of the send with the same customerId and messageId — the
 * earliest such send that has a topic (ties by event key). It is recomputed for every
 * (customer, message) pair the source's events touch, so a send arriving after its opens fills them in,
 * and an earlier send arriving late corrects them: the result never depends on arrival order.
 *
 * Concurrency: this runs after upsertCustomers, whose row locks serialise batches that share a
 * customer. The second of two such batches therefore reads the first one's committed events
 * here (READ COMMITTED takes a new snapshot per statement), so a send and its open arriving in
 * two concurrent batches still meet. Returns the times of the events whose topic changed.
 */
export async function inheritTopics(tx: SqlTx, source: EventSource): Promise<Date[]> {
  // Each (customer, message) pair is probed on its own (LATERAL), so the work per batch is
  // bounded by the pairs it touches. The workspace id travels with each pair instead of being a
  // constant: the planner then sizes the probes by the column's average selectivity, not by a
  // per-workspace statistic that is stale for a workspace that just started to grow.
  // Targets first: a pair without an event waiting for a topic (the usual case for a send that
  // arrives before its opens) costs one probe; the send is looked up only for actual targets.
  // Probes must go through the (workspace, message, customer) index. The type tests compare the
  // type as text so that the (workspace, type, ts) index is never a candidate: with statistics
  // that predate a bulk load, the planner would walk all sends in time order for each pair
  // (ORDER BY ts LIMIT 1) — seconds instead of milliseconds per batch.
  const rows = await tx.$queryRaw<{ ts: Date }[]>(Prisma.sql`
    UPDATE "Event" AS e
    SET "topic" = t."topic", "topicInherited" = true
    FROM (
      SELECT target.workspace, target."id", target."current", (
        SELECT src."topic"
        FROM "Event" AS src
        WHERE src."workspaceId" = target.workspace AND src."customerId" = target.customer
          AND src."messageId" = target.message AND CAST(src."type" AS text) = 'message_sent' AND src."topic" IS NOT NULL
        ORDER BY src."ts", src."eventKey" COLLATE "C"
        LIMIT 1
      ) AS "topic"
      FROM (
        SELECT p.workspace, p.customer, p.message, waiting."id", waiting."topic" AS "current"
        FROM (
          SELECT DISTINCT e."workspaceId" AS workspace, e."customerId" AS customer, e."messageId" AS message
          ${fromSource(source)} AND e."messageId" IS NOT NULL
            AND ((CAST(e."type" AS text) = 'message_sent' AND e."topic" IS NOT NULL)
              OR (CAST(e."type" AS text) IN (${INHERITING}) AND (e."topic" IS NULL OR e."topicInherited")))
        ) AS p
        CROSS JOIN LATERAL (
          SELECT x."id", x."topic"
          FROM "Event" AS x
          WHERE x."workspaceId" = p.workspace AND x."customerId" = p.customer AND x."messageId" = p.message
            AND CAST(x."type" AS text) IN (${INHERITING})
            AND (x."topic" IS NULL OR x."topicInherited")
          OFFSET 0
        ) AS waiting
      ) AS target
    ) AS t
    WHERE e."workspaceId" = t.workspace AND e."id" = t."id"
      AND t."topic" IS NOT NULL AND t."topic" IS DISTINCT FROM t."current"
    RETURNING e."ts"`);
  return rows.map((row) => row.ts);
}
