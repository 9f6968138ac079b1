import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { MetricsClient } from "../common/metric-params";

/**
 * Records that a workspace's events or derived state changed, after the change committed: its
 * data version goes up by one, so metric results cached for the older version are not served
 * again (metric-cache.ts), and loyalty counts stored for ends after `since` — the earliest
 * time the change touched; null when unknown — are deleted (loyalty/stored-loyalty-counts.ts).
 * Both in one transaction, version first: a store waiting on the version row (it checks the
 * version it computed for under a share lock) sees the new version, and rows stored before the
 * bump are committed when the deletion, a later statement, reads them. Never throws: the change
 * it follows has already happened; a failure is logged, and the cache's time limit bounds what
 * it could leave stale.
 */
export async function recordDataChange(
  db: Pick<PrismaClient, "$executeRaw" | "$transaction">,
  workspaceId: number,
  since: Date | null = null,
): Promise<void> {
  const at = since?.toISOString() ?? null;
  try {
    await db.$transaction([
      db.$executeRaw`
        INSERT INTO "WorkspaceDataVersion" ("workspaceId", "version", "changedAt")
        VALUES (${workspaceId}, 1, now())
        ON CONFLICT ("workspaceId") DO UPDATE
        SET "version" = "WorkspaceDataVersion"."version" + 1, "changedAt" = now()`,
      db.$executeRaw`
        DELETE FROM "StoredLoyaltyCounts"
        WHERE "workspaceId" = ${workspaceId}
          AND (CAST(${at} AS timestamptz) IS NULL OR "end" > CAST(${at} AS timestamptz))`,
    ]);
  } catch (error) {
    console.error(`[metrics] could not record a data change of workspace ${workspaceId}`, error);
  }
}

/** The workspace's data version: 0 before its first recorded change. */
export async function readDataVersion(db: MetricsClient, workspaceId: number): Promise<bigint> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`
    SELECT "version" FROM "WorkspaceDataVersion" WHERE "workspaceId" = ${workspaceId}`;
  return rows[0] ? BigInt(rows[0].version) : 0n;
}
