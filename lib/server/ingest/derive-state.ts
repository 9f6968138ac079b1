import "server-only";

import { CONSENT_EVENT_TYPES } from "@/lib/schemas/event";

import { eventsWithIds, type EventSource } from "./event-source";
import { inheritTopics } from "./inherit-topics";
import type { SqlTx } from "./keyed-event";
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
export async function deriveState(tx: SqlTx, source: EventSource | DerivationSources): Promise<Date[]> {
  const sources = "where" in source ? everyDerivation(source) : source;
  // Customers first: their row locks serialise batches that share a customer (inherit-topics.ts).
  await upsertCustomers(tx, sources.customers);
  if (sources.consents) await upsertConsents(tx, sources.consents);
  if (sources.preferences) await upsertPreferences(tx, sources.preferences);
  const changed = sources.messageEvents ? await inheritTopics(tx, sources.messageEvents) : [];
  // Messages last: many batches share a message, and its row lock is then held only briefly.
  if (sources.sends) await upsertMessages(tx, sources.sends);
  return changed;
}

/**
 * The events each derivation reads; null skips it. A batch whose ids are known passes only the
 * ids each one needs (consent events to consent, sends to the catalogue…), so none reads back
 * rows it would discard, and a batch without consent events runs no consent statement.
 */
export interface DerivationSources {
  customers: EventSource;
  consents: EventSource | null;
  preferences: EventSource | null;
  /** Events with a messageId (sends and the events inheriting their topic). */
  messageEvents: EventSource | null;
  sends: EventSource | null;
}

const everyDerivation = (source: EventSource): DerivationSources => ({
  customers: source,
  consents: source,
  preferences: source,
  messageEvents: source,
  sends: source,
});

/** The sources for events just stored, by their ids and types. */
export function sourcesForStored(
  workspaceId: number,
  stored: readonly { id: bigint; type: string; messageId: string | null }[],
): DerivationSources {
  const ids = (keep: (event: (typeof stored)[number]) => boolean) => {
    const picked = stored.filter(keep).map((event) => event.id);
    return picked.length > 0 ? eventsWithIds(workspaceId, picked) : null;
  };
  return {
    customers: eventsWithIds(
      workspaceId,
      stored.map((event) => event.id),
    ),
    consents: ids((event) => (CONSENT_EVENT_TYPES as readonly string[]).includes(event.type)),
    preferences: ids((event) => event.type === "preferences_updated"),
    messageEvents: ids((event) => event.messageId !== null),
    sends: ids((event) => event.type === "message_sent"),
  };
}
