import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { BulkSession } from "@/lib/server/db/connection";

import { deriveState, sourcesForStored } from "./derive-state";
import type { KeyedEvent, SqlTx } from "./keyed-event";
import { insertStaged, stageEvents } from "./staged-events";

export interface StoredBatch {
  /** How many events were newly stored (not already held by the workspace). */
  stored: number;
  /** Earliest and latest time among stored events and events whose topic changed. */
  range: { from: Date; to: Date } | null;
  /** The distinct customers of the stored events (whose topic changes also concern only them). */
  customerIds: string[];
}

/** The earliest and latest of some times, or null when there are none. */
export function timeRange(times: readonly Date[]): StoredBatch["range"] {
  if (times.length === 0) return null;
  let from = times[0];
  let to = from;
  for (const time of times) {
    if (time < from) from = time;
    if (time > to) to = time;
  }
  return { from, to };
}

/** The derivations' statements (Prisma.sql) run on a bulk session. */
export function sessionStatements(session: BulkSession): SqlTx {
  return {
    $queryRaw: <T>(query: Prisma.Sql) => session.query(query.text, query.values) as Promise<T>,
    $executeRaw: (query: Prisma.Sql) => session.execute(query.text, query.values),
  };
}

/**
 * Stores a batch of distinct, valid events and brings the derived state up to date from the
 * events it newly stored, inside the session's transaction (derive-state.ts). The rows travel
 * by COPY into the session's staging table and move into the events as an import's chunks do
 * (staged-events.ts), so each event is stored exactly once, also when overlapping batches
 * arrive at the same time.
 */
export async function storeBatch(
  session: BulkSession,
  workspaceId: number,
  events: readonly KeyedEvent[],
  importBatchId: number | null,
): Promise<StoredBatch> {
  await stageEvents(session, events);
  const rows = await session.query<{
    id: bigint | string;
    ts: Date;
    type: string;
    customerId: string;
    messageId: string | null;
  }>(insertStaged(`"id", "ts", CAST("type" AS text) AS "type", "customerId", "messageId"`), [
    workspaceId,
    importBatchId,
  ]);
  if (rows.length === 0) return { stored: 0, range: null, customerIds: [] };
  const stored = rows.map((row) => ({ ...row, id: BigInt(row.id) }));
  const changed = await deriveState(sessionStatements(session), sourcesForStored(workspaceId, stored));
  return {
    stored: stored.length,
    range: timeRange([...stored.map((event) => event.ts), ...changed]),
    customerIds: [...new Set(stored.map((event) => event.customerId))],
  };
}
