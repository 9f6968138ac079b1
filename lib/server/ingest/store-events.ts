import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { iso, type KeyedEvent, type Tx } from "./keyed-event";

/** An event as stored: its id, key, time, type and message. */
export interface StoredEvent {
  id: bigint;
  eventKey: string;
  ts: Date;
  type: string;
  customerId: string;
  messageId: string | null;
}

/** The columns ingestion writes, in the order of its statements' SELECT lists. */
export const EVENT_COLUMNS = `"workspaceId", "eventKey", "type", "customerId", "ts", "channel", "messageId",
  "campaignId", "messageKind", "topic", "topics", "maxPerWeek", "value", "currency", "traits", "properties",
  "importBatchId"`;

/**
 * Inserts the batch in one statement and returns the events actually stored. An event whose key
 * the workspace already holds is left out by ON CONFLICT DO NOTHING; if another transaction
 * is inserting the same key, this one waits for it and then leaves it out, so each event is
 * stored exactly once. Rows go in sorted by key, so two overlapping batches cannot deadlock.
 * The batch travels as one JSON parameter: cheaper to send than an array per column.
 */
export async function insertEvents(
  tx: Tx,
  workspaceId: number,
  events: readonly KeyedEvent[],
  importBatchId: number | null,
): Promise<StoredEvent[]> {
  const rows = events.map((e) => ({
    key: e.key,
    type: e.type,
    customer: e.customerId,
    ts: iso(e.timestamp),
    channel: e.channel,
    message: e.messageId,
    campaign: e.campaignId,
    kind: e.messageKind,
    topic: e.topic,
    topics: e.topics,
    max_per_week: e.maxPerWeek,
    value: e.value,
    currency: e.currency,
    traits: e.traits,
    properties: e.properties,
  }));
  return tx.$queryRaw<StoredEvent[]>(Prisma.sql`
    INSERT INTO "Event" (${Prisma.raw(EVENT_COLUMNS)})
    SELECT CAST(${workspaceId} AS integer), u.key, CAST(u.type AS "EventType"), u.customer, u.ts,
      CAST(u.channel AS "Channel"), u.message, u.campaign, CAST(u.kind AS "MessageKind"), u.topic,
      u.topics, u.max_per_week, u.value, u.currency, u.traits, u.properties, CAST(${importBatchId} AS integer)
    FROM json_to_recordset(CAST(${JSON.stringify(rows)} AS json)) AS u(key text, type text, customer text,
      ts timestamptz, channel text, message text, campaign text, kind text, topic text, topics text[],
      max_per_week float8, value numeric, currency text, traits jsonb, properties jsonb)
    ORDER BY u.key
    ON CONFLICT ("workspaceId", "eventKey") DO NOTHING
    RETURNING "id", "eventKey", "ts", CAST("type" AS text) AS "type", "customerId", "messageId"`);
}
