import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { lockWorkspace } from "@/lib/server/db/workspace-lock";
import { deriveState } from "@/lib/server/ingest/derive-state";
import { importedEvents } from "@/lib/server/ingest/event-source";
import { announceEventsAdded } from "@/lib/server/ingest/events-added";
import { timeRange } from "@/lib/server/ingest/store-batch";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";

// A pass over a few hundred thousand events may take a while on the embedded database.
const TRANSACTION = { maxWait: 60_000, timeout: 30 * 60_000 } as const;

/**
 * Feeds an import's stored events into the derived state (customers, consent, preferences,
 * inherited topics, message catalogue) — those with ids past the batch's `derivedThroughId` —
 * and moves that mark, in one transaction. An import stores events chunk by chunk and derives
 * in passes over many chunks: each customer and message is then updated once per pass rather
 * than once per chunk. Deriving is idempotent, so a pass repeated after a crash changes
 * nothing. Passes of a workspace take turns (an advisory lock, which chunks being stored
 * meanwhile do not wait for; deleting an import's events takes it too). Announces the events
 * it derived; returns how many there were.
 *
 * `upTo`: derive only events with ids up to it — the greatest id stored while no chunk was in
 * flight, so that every id below it is committed. Without it, every stored event: for a run
 * that has ended.
 */
export async function deriveImportedEvents(
  prisma: PrismaClient,
  ref: { workspaceId: number; id: number },
  upTo: bigint | null = null,
): Promise<number> {
  const result = await prisma.$transaction(async (tx) => {
    await lockWorkspace(tx, "importDerive", ref.workspaceId);
    const [batch] = await tx.$queryRaw<{ derivedThroughId: bigint }[]>(Prisma.sql`
      SELECT "derivedThroughId" FROM "ImportBatch"
      WHERE "workspaceId" = ${ref.workspaceId} AND "id" = ${ref.id}`);
    if (!batch) return null;
    const [span] = await tx.$queryRaw<
      { upTo: bigint | null; count: bigint; from: Date | null; to: Date | null }[]
    >(
      Prisma.sql`
        SELECT max("id") AS "upTo", count(*) AS "count", min("ts") AS "from", max("ts") AS "to" FROM "Event"
        WHERE "workspaceId" = ${ref.workspaceId} AND "importBatchId" = ${ref.id} AND "id" > ${batch.derivedThroughId}
          ${upTo === null ? Prisma.empty : Prisma.sql`AND "id" <= ${upTo}`}`,
    );
    if (span.upTo === null || span.from === null || span.to === null) return null;
    const changed = await deriveState(
      tx,
      importedEvents(ref.workspaceId, ref.id, batch.derivedThroughId, span.upTo),
    );
    await tx.$executeRaw(Prisma.sql`
      UPDATE "ImportBatch" SET "derivedThroughId" = ${span.upTo}
      WHERE "workspaceId" = ${ref.workspaceId} AND "id" = ${ref.id}`);
    return { count: Number(span.count), range: timeRange([span.from, span.to, ...changed]) };
  }, TRANSACTION);
  if (!result) return 0;
  await recordDataChange(prisma, ref.workspaceId, result.range?.from ?? null);
  if (result.range) announceEventsAdded({ workspaceId: ref.workspaceId, ...result.range });
  return result.count;
}
