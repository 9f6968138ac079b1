import "server-only";

import type { BulkSession } from "@/lib/server/db/connection";
import { copyRow, textArrayLiteral } from "@/lib/server/db/copy-text";

import type { KeyedEvent } from "./keyed-event";

/** The columns ingestion writes, in the order of its statements' SELECT lists. */
const EVENT_COLUMNS = `"workspaceId", "eventKey", "type", "customerId", "ts", "channel", "messageId",
  "campaignId", "messageKind", "topic", "topics", "maxPerWeek", "value", "currency", "traits", "properties",
  "importBatchId"`;

/** The session's staging table: emptied at every commit, so each batch starts from nothing. */
const STAGE = "pg_temp.resonans_event_stage";

// Created on a connection's first batch; a DO block rather than IF NOT EXISTS, which notices.
const CREATE_STAGE = `DO $$ BEGIN
  IF to_regclass('${STAGE}') IS NULL THEN
    CREATE TEMPORARY TABLE resonans_event_stage (key text, type "EventType", customer text, ts timestamptz,
      channel "Channel", message text, campaign text, kind "MessageKind", topic text, topics text[],
      max_per_week float8, value numeric, currency text, traits jsonb, properties jsonb) ON COMMIT DELETE ROWS;
  END IF;
END $$`;

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * The statement that moves the staged events into the events, in key order, leaving out keys
 * the workspace holds (`$1` the workspace, `$2` the import batch or null), returning `returning`
 * of each event stored. If another transaction is inserting the same key, it waits for that
 * one and then leaves the key out, so each event is stored exactly once; the key order keeps
 * two overlapping batches from deadlocking.
 */
export const insertStaged = (returning: string) => `INSERT INTO "Event" (${EVENT_COLUMNS})
  SELECT CAST($1 AS integer), key, type, customer, ts, channel, message, campaign, kind, topic, topics,
    max_per_week, value, currency, traits, properties, CAST($2 AS integer)
  FROM ${STAGE} ORDER BY key
  ON CONFLICT ("workspaceId", "eventKey") DO NOTHING
  RETURNING ${returning}`;

/** Loads events into the session's staging table (emptied at commit) by COPY, for `insertStaged`. */
export async function stageEvents(session: BulkSession, events: readonly KeyedEvent[]): Promise<void> {
  let text = "";
  for (const e of events) {
    text += copyRow([
      e.key,
      e.type,
      e.customerId,
      e.timestamp.toISOString(),
      e.channel,
      e.messageId,
      e.campaignId,
      e.messageKind,
      e.topic,
      textArrayLiteral(e.topics),
      e.maxPerWeek,
      e.value,
      e.currency,
      json(e.traits),
      json(e.properties),
    ]);
  }
  await session.exec(CREATE_STAGE);
  await session.copyInto(STAGE, text);
}
