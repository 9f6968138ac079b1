import "server-only";

import { deriveState, sourcesForStored } from "./derive-state";
import type { KeyedEvent, Tx } from "./keyed-event";
import { insertEvents } from "./store-events";

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

/**
 * Stores a batch of distinct, valid events and brings the derived state up to date from the
 * events it newly stored, inside the caller's transaction (derive-state.ts).
 */
export async function storeBatch(
  tx: Tx,
  workspaceId: number,
  events: readonly KeyedEvent[],
  importBatchId: number | null,
): Promise<StoredBatch> {
  const stored = await insertEvents(tx, workspaceId, events, importBatchId);
  if (stored.length === 0) return { stored: 0, range: null, customerIds: [] };
  const changed = await deriveState(tx, sourcesForStored(workspaceId, stored));
  return {
    stored: stored.length,
    range: timeRange([...stored.map((event) => event.ts), ...changed]),
    customerIds: [...new Set(stored.map((event) => event.customerId))],
  };
}
