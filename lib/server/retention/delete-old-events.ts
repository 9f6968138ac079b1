import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/ingest/keyed-event";

import { oldEvents } from "./old-events";
import { type BatchRow, type RetentionBatch, summariseBatch } from "./retention-batch";

/**
 * Deletes up to `limit` events from before the cutoff, a customer's events together (in
 * customer order), and returns what they were per customer. The caller rebuilds what they fed.
 */
export async function deleteOldEvents(
  tx: Tx,
  workspaceId: number,
  cutoff: Date,
  limit: number,
): Promise<RetentionBatch> {
  const rows = await tx.$queryRaw<BatchRow[]>(Prisma.sql`
    WITH picked AS (
      SELECT e."id" FROM "Event" AS e
      WHERE ${oldEvents(workspaceId, cutoff, "delete")}
      ORDER BY e."customerId", e."id"
      LIMIT ${limit}
    ),
    removed AS (
      DELETE FROM "Event" AS d USING picked
      WHERE d."workspaceId" = ${workspaceId} AND d."id" = picked."id"
      RETURNING d."customerId", d."messageId", CAST(d."type" AS text) AS "type", d."ts"
    )
    SELECT r."customerId" AS customer, count(*) AS events, min(r."ts") AS first,
      array_agg(DISTINCT r."messageId") FILTER (WHERE r."type" = 'message_sent' AND r."messageId" IS NOT NULL)
        AS messages
    FROM removed AS r
    GROUP BY r."customerId"
    ORDER BY r."customerId"`);
  return summariseBatch(rows);
}
