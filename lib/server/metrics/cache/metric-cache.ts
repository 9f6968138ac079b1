import "server-only";

import type { MetricsClient } from "../common/metric-params";

import { readDataVersion } from "./data-version";

/** Results kept at most (least recently used go first). */
export const METRIC_CACHE_ENTRIES = 500;
/** A result is recomputed after this long even when no change was recorded. */
export const METRIC_CACHE_TTL_MS = 10 * 60_000;

interface Entry {
  version: bigint;
  storedAt: number;
  value: Promise<unknown>;
}

// On globalThis, so every bundle of the server (route handlers, pages) shares one cache.
const holder = globalThis as unknown as { resonansMetricCache?: Map<string, Entry> };
const entries = (holder.resonansMetricCache ??= new Map());

/**
 * A metric result for `key` in the workspace: the cached one while the workspace's data
 * version (data-version.ts) is the one it was computed for and it is younger than the TTL,
 * else computed now. The version is read before computing, so a change that commits while the
 * result is computed leaves it under the older version, never served after the change. Equal
 * requests in flight share one computation; a failed one is not kept.
 */
export async function cachedMetric<T>(
  db: MetricsClient,
  workspaceId: number,
  key: string,
  compute: () => Promise<T>,
  now = Date.now,
): Promise<T> {
  const version = await readDataVersion(db, workspaceId);
  const id = `${workspaceId}\u0000${key}`;
  const hit = entries.get(id);
  if (hit && hit.version === version && now() - hit.storedAt < METRIC_CACHE_TTL_MS) {
    entries.delete(id); // most recently used last
    entries.set(id, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  entries.delete(id);
  entries.set(id, { version, storedAt: now(), value });
  while (entries.size > METRIC_CACHE_ENTRIES) entries.delete(entries.keys().next().value as string);
  value.catch(() => {
    if (entries.get(id)?.value === value) entries.delete(id);
  });
  return value;
}

/** Forgets every cached result (tests start from an empty cache). */
export function clearMetricCache(): void {
  entries.clear();
}
