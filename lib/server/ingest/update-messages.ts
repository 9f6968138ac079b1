import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { fromSource, type EventSource } from "./event-source";
import type { SqlTx } from "./keyed-event";

// The order that picks a message's first send: earliest time, then the smallest content, so
// that sends at the same instant resolve the same way whatever order they arrive in.
const order = (row: string) =>
  Prisma.raw(`${row}."firstSentAt", ${row}."channel", ${row}."kind",
    COALESCE(${row}."campaignId", '') COLLATE "C", COALESCE(${row}."topic", '') COLLATE "C"`);

/**
 * The message catalogue: each messageId as its earliest message_sent describes it (channel,
 * campaign, kind, topic). A send replaces the entry only if it comes first in that order.
 */
export async function upsertMessages(tx: SqlTx, source: EventSource) {
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "Message" ("workspaceId", "messageId", "channel", "campaignId", "kind", "topic", "firstSentAt")
    SELECT CAST(${source.workspaceId} AS integer), w."messageId", w."channel", w."campaignId", w."kind", w."topic",
      w."firstSentAt"
    FROM (
      SELECT DISTINCT ON (u."messageId") u.*
      FROM (
        SELECT e."messageId", e."channel", e."campaignId", e."messageKind" AS "kind", e."topic", e."ts" AS "firstSentAt"
        ${fromSource(source)} AND CAST(e."type" AS text) = 'message_sent'
      ) AS u
      ORDER BY u."messageId", ${order("u")}
    ) AS w
    -- A send that would not replace the entry is left out before the upsert, which would lock
    -- the entry even when leaving it unchanged: concurrent batches share a few messages.
    WHERE NOT EXISTS (
      SELECT 1 FROM "Message" AS m
      WHERE m."workspaceId" = ${source.workspaceId} AND m."messageId" = w."messageId" AND (${order("m")}) <= (${order("w")})
    )
    ORDER BY w."messageId"
    ON CONFLICT ("workspaceId", "messageId") DO UPDATE SET
      "channel" = EXCLUDED."channel",
      "campaignId" = EXCLUDED."campaignId",
      "kind" = EXCLUDED."kind",
      "topic" = EXCLUDED."topic",
      "firstSentAt" = EXCLUDED."firstSentAt"
    WHERE (${order("EXCLUDED")}) < (${order('"Message"')})`);
}
