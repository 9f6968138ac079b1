import "server-only";

import type { BulkSession } from "@/lib/server/db/connection";
import { copyRow, textArrayLiteral } from "@/lib/server/db/copy-text";
import type { KeyedEvent } from "@/lib/server/ingest/keyed-event";
import { EVENT_COLUMNS } from "@/lib/server/ingest/store-events";

/** The session's staging table: emptied at every commit, so each chunk starts from nothing. */
const STAGE = "pg_temp.resonans_event_stage";

// Created on a connection's first chunk; a DO block rather than IF NOT EXISTS, which notices.
const CREATE_STAGE = `DO $$ BEGIN
  IF to_regclass('${STAGE}') IS NULL THEN
    CREATE TEMPORARY TABLE resonans_event_stage (key text, type "EventType", customer text, ts timestamptz,
      channel "Channel", message text, campaign text, kind "MessageKind", topic text, topics text[],
      max_per_week float8, value numeric, currency text, traits jsonb, properties jsonb) ON COMMIT DELETE ROWS;
  END IF;
END $$`;

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** How many of a chunk's events were new, and the greatest id they were stored under. */
export interface CopiedEvents {
  stored: number;
  lastId: bigint | null;
}

/**
 * Stores a chunk of an import inside the session's transaction and says how many events were
 * new: the rows travel by COPY into a temporary table (a sixth of the database's work of
 * reading them from a JSON parameter), then one INSERT … SELECT moves them into the events in
 * key order, leaving out keys the workspace holds — with the same guarantees as the API's
 * insert (store-events.ts): concurrent batches sharing a key store it once and cannot deadlock.
 */
export async function copyEvents(
  session: BulkSession,
  workspaceId: number,
  events: readonly KeyedEvent[],
  importBatchId: number,
): Promise<CopiedEvents> {
  if (events.length === 0) return { stored: 0, lastId: null };
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
  const [row] = await session.query<{ stored: number | bigint | string; lastId: bigint | string | null }>(
    `WITH stored AS (
      INSERT INTO "Event" (${EVENT_COLUMNS})
      SELECT CAST($1 AS integer), key, type, customer, ts, channel, message, campaign, kind, topic, topics,
        max_per_week, value, currency, traits, properties, CAST($2 AS integer)
      FROM ${STAGE} ORDER BY key
      ON CONFLICT ("workspaceId", "eventKey") DO NOTHING
      RETURNING "id"
    )
    SELECT CAST(count(*) AS integer) AS "stored", max("id") AS "lastId" FROM stored`,
    [workspaceId, importBatchId],
  );
  return { stored: Number(row.stored), lastId: row.lastId === null ? null : BigInt(row.lastId) };
}
