import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import type { MetricParams, MetricsClient } from "../common/metric-params";
import { sqlInstants } from "../common/sql-instant";

import type { LoyaltyCounts } from "./loyalty-at-ends";

/** What stored counts are kept for besides the end: the workspace, the window and the cap. */
export interface StoredCountsKey {
  workspaceId: number;
  windowMs: number;
  frequencyCap: number;
}

/** Counts are stored for the workspace's whole data only: no channel, no segment. */
export const countsCanBeStored = (params: MetricParams): boolean => !params.channel && !params.segment;

interface StoredRow {
  version: bigint;
  end: Date | null;
  counts: LoyaltyCounts | null;
}

/**
 * The stored counts at those of `ends` that have them, and the workspace's data version now:
 * counts computed after this read may be stored for it (storeLoyaltyCounts). A workspace
 * without a version row (no change recorded yet) gets one, so that a store always has a row to
 * check under its lock; nothing can be stored for it before.
 */
export async function readStoredLoyaltyCounts(
  db: MetricsClient,
  key: StoredCountsKey,
  ends: readonly Date[],
): Promise<{ version: bigint; counts: Map<number, LoyaltyCounts> }> {
  const rows = await db.$queryRaw<StoredRow[]>(Prisma.sql`
    SELECT v."version", s."end", s."counts"
    FROM "WorkspaceDataVersion" v
    LEFT JOIN "StoredLoyaltyCounts" s ON s."workspaceId" = v."workspaceId"
      AND s."windowMs" = CAST(${key.windowMs} AS bigint) AND s."frequencyCap" = CAST(${key.frequencyCap} AS float8)
      AND s."end" = ANY(${sqlInstants(ends)})
    WHERE v."workspaceId" = ${key.workspaceId}`);
  const counts = new Map<number, LoyaltyCounts>();
  if (rows.length === 0) {
    // Version 0; a change recorded meanwhile makes it 1 and a store for 0 then keeps nothing.
    await db.$queryRaw(Prisma.sql`
      INSERT INTO "WorkspaceDataVersion" ("workspaceId", "version") VALUES (${key.workspaceId}, 0)
      ON CONFLICT ("workspaceId") DO NOTHING`);
    return { version: 0n, counts };
  }
  for (const row of rows) if (row.end && row.counts) counts.set(row.end.getTime(), row.counts);
  return { version: BigInt(rows[0].version), counts };
}

/**
 * Stores counts computed from the data as it was at `version`, unless the data has changed
 * since: the version row is read under a share lock, so a change being recorded
 * (recordDataChange bumps the version, then deletes the counts it makes stale) either waits
 * for this insert to commit and deletes what it added, or has committed and this inserts
 * nothing. Counts already stored for an end are kept.
 */
export async function storeLoyaltyCounts(
  db: MetricsClient,
  key: StoredCountsKey,
  version: bigint,
  entries: readonly { end: Date; counts: LoyaltyCounts }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.$queryRaw(Prisma.sql`
    INSERT INTO "StoredLoyaltyCounts" ("workspaceId", "end", "windowMs", "frequencyCap", "counts", "version")
    SELECT ${key.workspaceId}, e."end", CAST(${key.windowMs} AS bigint), CAST(${key.frequencyCap} AS float8), e."counts",
      CAST(${version.toString()} AS bigint)
    FROM unnest(
      ${sqlInstants(entries.map((entry) => entry.end))},
      CAST(${entries.map((entry) => JSON.stringify(entry.counts))} AS jsonb[])
    ) AS e("end", "counts")
    WHERE EXISTS (
      SELECT 1 FROM "WorkspaceDataVersion" v
      WHERE v."workspaceId" = ${key.workspaceId} AND v."version" = CAST(${version.toString()} AS bigint)
      FOR SHARE
    )
    ON CONFLICT DO NOTHING`);
}
