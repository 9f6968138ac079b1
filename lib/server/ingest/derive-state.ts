import "server-only";

import type { EventSource } from "./event-source";
import { inheritTopics } from "./inherit-topics";
import type { Tx } from "./keyed-event";
import { upsertConsents } from "./update-consents";
import { upsertCustomers } from "./update-customers";
import { upsertMessages } from "./update-messages";
import { upsertPreferences } from "./update-preferences";

/**
 * Brings the derived state up to date with stored events, inside the caller's transaction: a
 * handful of set-based statements reading the events back, however many there are. Each
 * update merges by a fixed order (min/max, latest wins), so the result is the same for any
 * split and order of batches, and deriving the same events twice changes nothing.
 * Returns the times of events whose inherited topic changed.
 */
export async function deriveState(tx: Tx, source: EventSource): Promise<Date[]> {
  // Customers first: their row locks serialise batches that share a customer (inherit-topics.ts).
  await upsertCustomers(tx, source);
  await upsertConsents(tx, source);
  await upsertPreferences(tx, source);
  const changed = await inheritTopics(tx, source);
  // Messages last: many batches share a message, and its row lock is then held only briefly.
  await upsertMessages(tx, source);
  return changed;
}
