import "server-only";

import { inheritTopics } from "./inherit-topics";
import type { KeyedEvent, Tx } from "./keyed-event";
import { insertEvents } from "./store-events";
import { upsertConsents } from "./update-consents";
import { upsertCustomers } from "./update-customers";
import { upsertMessages } from "./update-messages";
import { upsertPreferences } from "./update-preferences";

export interface StoredBatch {
  /** The events newly stored (not already held by the workspace). */
  stored: KeyedEvent[];
  /** Earliest and latest time among stored events and events whose topic changed. */
  range: { from: Date; to: Date } | null;
}

/**
 * Stores a batch of distinct, valid events and brings the derived state up to date, inside the
 * caller's transaction: a handful of set-based statements, whatever the batch size. Derived
 * state is built only from the events this batch newly stored; each update merges them by a
 * fixed order (min/max), so the result is the same for any split and order of batches.
 */
export async function storeBatch(
  tx: Tx,
  workspaceId: number,
  events: readonly KeyedEvent[],
  importBatchId: number | null,
): Promise<StoredBatch> {
  const keys = await insertEvents(tx, workspaceId, events, importBatchId);
  const stored = events.filter((event) => keys.has(event.key));
  if (stored.length === 0) return { stored, range: null };

  // Customers first: their row locks serialise batches that share a customer (inherit-topics.ts).
  await upsertCustomers(tx, workspaceId, stored);
  await upsertConsents(tx, workspaceId, stored);
  await upsertPreferences(tx, workspaceId, stored);
  const changed = await inheritTopics(tx, workspaceId, stored);
  // Messages last: many batches share a message, and its row lock is then held only briefly.
  await upsertMessages(tx, workspaceId, stored);

  let from = stored[0].timestamp;
  let to = from;
  for (const time of [...stored.map((event) => event.timestamp), ...changed]) {
    if (time < from) from = time;
    if (time > to) to = time;
  }
  return { stored, range: { from, to } };
}
