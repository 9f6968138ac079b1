import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type EventsAdded, onEventsAdded } from "@/lib/server/ingest/events-added";

import { type ContactFactScope, refreshContactFacts, scopeAfterEvents } from "./refresh-contact-facts";

interface RefresherState {
  getPrisma: () => Promise<PrismaClient>;
  /** Per workspace, the merged scope still to refresh. */
  pending: Map<number, PendingScope>;
  /** When the oldest pending scope arrived; null when none is pending. */
  waitingSince: number | null;
  /** The refresh about to start once announcements pause. */
  timer: NodeJS.Timeout | null;
  pace: RefreshPace;
  onRefreshed?: (workspaceId: number) => void;
  running: Promise<void> | null;
  stop: () => void;
}

/**
 * How long announcements must pause before a refresh starts, and the longest a scope waits.
 * While batches keep arriving, their scopes merge instead of each taking its turn: a customer
 * in several batches is refreshed once, and on the embedded database, where a refresh runs on
 * the server's only thread, ingestion is not interrupted after every batch (one refresh per
 * batch halved PGlite's HTTP ingestion).
 */
export interface RefreshPace {
  quietMs: number;
  maxWaitMs: number;
}
export const REFRESH_PACE: RefreshPace = { quietMs: 1_000, maxWaitMs: 10_000 };

// On globalThis, so every bundle of the server shares one refresher.
const registry = globalThis as unknown as { resonansContactFacts?: RefresherState };

/**
 * Keeps the contact facts current: after "events added" announcements, recomputes the facts of
 * the customers concerned, in the background and one refresh at a time, once announcements
 * pause for a second (at the latest ten seconds after the first waiting one). Scopes that
 * arrive meanwhile are merged, so a burst of batches costs a few refreshes. `onRefreshed` is
 * told of each workspace refreshed (the server then recomputes its Loyalty page when the data
 * settles: dashboard/loyalty-warmup.ts).
 * Returns the stop function; starting twice keeps the first refresher.
 */
export function startContactFactRefresher(
  getPrisma: () => Promise<PrismaClient>,
  pace: RefreshPace = REFRESH_PACE,
  onRefreshed?: (workspaceId: number) => void,
): () => void {
  if (registry.resonansContactFacts) return registry.resonansContactFacts.stop;
  const state: RefresherState = {
    getPrisma,
    pending: new Map(),
    waitingSince: null,
    timer: null,
    pace,
    onRefreshed,
    running: null,
    stop: () => {
      unsubscribe();
      if (state.timer) clearTimeout(state.timer);
      if (registry.resonansContactFacts === state) delete registry.resonansContactFacts;
    },
  };
  const unsubscribe = onEventsAdded((change) => enqueue(state, change));
  registry.resonansContactFacts = state;
  return state.stop;
}

/**
 * Resolves when no refresh is running or waiting (for tests, benchmarks and the CLI); one
 * waiting for announcements to pause starts at once.
 */
export async function contactFactsSettled(): Promise<void> {
  const state = registry.resonansContactFacts;
  while (state && (state.running || state.pending.size > 0)) {
    if (!state.running) start(state);
    await state.running;
  }
}

function enqueue(state: RefresherState, change: EventsAdded): void {
  const scope = scopeAfterEvents(change);
  const queued = state.pending.get(change.workspaceId);
  if (queued) addToPending(queued, scope);
  else state.pending.set(change.workspaceId, pendingScope(scope));
  state.waitingSince ??= Date.now();
  schedule(state);
}

/** (Re)starts the wait for a pause; a running refresh schedules the next when it ends. */
function schedule(state: RefresherState): void {
  if (state.running || state.pending.size === 0) return;
  if (state.timer) clearTimeout(state.timer);
  const waited = Date.now() - (state.waitingSince ?? Date.now());
  const delay = Math.max(0, Math.min(state.pace.quietMs, state.pace.maxWaitMs - waited));
  state.timer = setTimeout(() => start(state), delay);
  state.timer.unref();
}

function start(state: RefresherState): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  // With scopes pending, drain awaits before its end clears `running`, so it is set first.
  if (!state.running && state.pending.size > 0) state.running = drain(state);
}

async function drain(state: RefresherState): Promise<void> {
  try {
    state.waitingSince = null;
    const scopes = [...state.pending.entries()];
    state.pending.clear();
    for (const [workspaceId, pending] of scopes) {
      try {
        await refreshContactFacts(await state.getPrisma(), scopeOf(pending));
        state.onRefreshed?.(workspaceId);
      } catch (error) {
        console.error(`[metrics] refreshing contact facts of workspace ${workspaceId} failed`, error);
      }
    }
  } finally {
    state.running = null;
    schedule(state);
  }
}

/**
 * A scope waiting for its refresh, its customers in a set: each announcement adds its batch's
 * customers to it. (Merging into a new list copied every customer already waiting once per
 * batch: under a steady stream of batches, a tenth of the server's time.)
 */
interface PendingScope {
  workspaceId: number;
  /** null: every customer. */
  customerIds: Set<string> | null;
  since: Date | null;
}

const pendingScope = (scope: ContactFactScope): PendingScope => ({
  workspaceId: scope.workspaceId,
  customerIds: scope.customerIds ? new Set(scope.customerIds) : null,
  since: scope.since ?? null,
});

/** Widens `pending` to hold `scope` too: all customers if either has all; the earlier start. */
function addToPending(pending: PendingScope, scope: ContactFactScope): void {
  if (pending.customerIds && scope.customerIds)
    for (const id of scope.customerIds) pending.customerIds.add(id);
  else pending.customerIds = null;
  pending.since =
    pending.since && scope.since ? (scope.since < pending.since ? scope.since : pending.since) : null;
}

const scopeOf = (pending: PendingScope): ContactFactScope => ({
  workspaceId: pending.workspaceId,
  customerIds: pending.customerIds ? [...pending.customerIds] : null,
  since: pending.since,
});

/** The union of two scopes of one workspace: all customers if either has all; the earlier start. */
export function mergeScopes(a: ContactFactScope, b: ContactFactScope): ContactFactScope {
  const merged = pendingScope(a);
  addToPending(merged, b);
  return scopeOf(merged);
}
