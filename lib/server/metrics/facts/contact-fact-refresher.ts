import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type EventsAdded, onEventsAdded } from "@/lib/server/ingest/events-added";

import { type ContactFactScope, refreshContactFacts, scopeAfterEvents } from "./refresh-contact-facts";

interface RefresherState {
  getPrisma: () => Promise<PrismaClient>;
  /** Per workspace, the merged scope still to refresh. */
  pending: Map<number, ContactFactScope>;
  running: Promise<void> | null;
  stop: () => void;
}

// On globalThis, so every bundle of the server shares one refresher.
const registry = globalThis as unknown as { resonansContactFacts?: RefresherState };

/**
 * Keeps the contact facts current: after each "events added" announcement, recomputes the
 * facts of the customers concerned, in the background and one refresh at a time. Scopes that
 * arrive while a refresh runs are merged, so a burst of batches costs a few refreshes.
 * Returns the stop function; starting twice keeps the first refresher.
 */
export function startContactFactRefresher(getPrisma: () => Promise<PrismaClient>): () => void {
  if (registry.resonansContactFacts) return registry.resonansContactFacts.stop;
  const state: RefresherState = {
    getPrisma,
    pending: new Map(),
    running: null,
    stop: () => {
      unsubscribe();
      if (registry.resonansContactFacts === state) delete registry.resonansContactFacts;
    },
  };
  const unsubscribe = onEventsAdded((change) => enqueue(state, change));
  registry.resonansContactFacts = state;
  return state.stop;
}

/** Resolves when no refresh is running or waiting (for tests, benchmarks and the CLI). */
export async function contactFactsSettled(): Promise<void> {
  const state = registry.resonansContactFacts;
  while (state?.running) await state.running;
}

function enqueue(state: RefresherState, change: EventsAdded): void {
  const scope = scopeAfterEvents(change);
  const queued = state.pending.get(change.workspaceId);
  state.pending.set(change.workspaceId, queued ? mergeScopes(queued, scope) : scope);
  state.running ??= drain(state);
}

async function drain(state: RefresherState): Promise<void> {
  try {
    while (state.pending.size > 0) {
      const [workspaceId, scope] = state.pending.entries().next().value as [number, ContactFactScope];
      state.pending.delete(workspaceId);
      try {
        await refreshContactFacts(await state.getPrisma(), scope);
      } catch (error) {
        console.error(`[metrics] refreshing contact facts of workspace ${workspaceId} failed`, error);
      }
    }
  } finally {
    state.running = null;
  }
}

/** The union of two scopes of one workspace: all customers if either has all; the earlier start. */
export function mergeScopes(a: ContactFactScope, b: ContactFactScope): ContactFactScope {
  const customerIds =
    a.customerIds && b.customerIds ? [...new Set([...a.customerIds, ...b.customerIds])] : null;
  const since = a.since && b.since ? (a.since < b.since ? a.since : b.since) : null;
  return { workspaceId: a.workspaceId, customerIds, since };
}
