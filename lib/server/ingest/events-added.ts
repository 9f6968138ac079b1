import "server-only";

/** New events of a workspace: stored (or changed by topic inheritance) with times in [from, to]. */
export interface EventsAdded {
  workspaceId: number;
  /** The earliest timestamp among the events (inclusive). */
  from: Date;
  /** The latest timestamp among the events (inclusive). */
  to: Date;
  /** The customers of those events, when known; absent means any customer may be concerned. */
  customerIds?: readonly string[];
}

export type EventsAddedListener = (change: EventsAdded) => void | Promise<void>;

// On globalThis, so every bundle of the server (route handlers, pages) shares one registry.
const registry = globalThis as unknown as { resonansEventsAdded?: Set<EventsAddedListener> };
const listeners = (registry.resonansEventsAdded ??= new Set());

/** Subscribes to announcements (e.g. the metrics engine's caches); returns the unsubscribe. */
export function onEventsAdded(listener: EventsAddedListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * The one announcement that events were added: called by ingestion after the transaction
 * committed. A failing listener is logged and never fails the ingestion that announced.
 */
export function announceEventsAdded(change: EventsAdded): void {
  for (const listener of [...listeners]) {
    try {
      const result = listener(change);
      if (result instanceof Promise) result.catch(logFailure);
    } catch (error) {
      logFailure(error);
    }
  }
}

function logFailure(error: unknown): void {
  console.error("[ingest] an events-added listener failed", error);
}
