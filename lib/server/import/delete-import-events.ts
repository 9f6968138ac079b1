import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit";
import { lockWorkspace } from "@/lib/server/db/workspace-lock";
import { AppError } from "@/lib/server/errors";
import { announceEventsAdded } from "@/lib/server/ingest/events-added";
import { rebuildDerivedState } from "@/lib/server/ingest/rebuild-derived-state";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";

// A large batch touches many customers; its rebuild may take minutes on the embedded database.
const TRANSACTION = { maxWait: 60_000, timeout: 30 * 60_000 } as const;

/**
 * Deletes every event an import batch stored and rebuilds the derived state they fed
 * (customers, consent, preferences, inherited topics, the message catalogue) from the events
 * that remain, in one transaction with its audit entry. The batch stays in the history,
 * marked as deleted. A queued or running import must be cancelled first.
 */
export async function deleteImportEvents(
  prisma: PrismaClient,
  workspaceId: number,
  id: number,
  userId: string | null,
): Promise<{ deleted: number }> {
  const batch = await prisma.importBatch.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
  if (!batch) throw new AppError("not_found", `No import ${id} in this workspace.`);
  if (batch.status === "queued" || batch.status === "running") {
    throw new AppError("conflict", `Import ${id} is ${batch.status}; cancel it before deleting its events.`);
  }
  const { deleted, range } = await prisma.$transaction(async (tx) => {
    // Not while a pass derives the batch's events (derive-imported-events.ts), e.g. the last
    // one of a cancelled run.
    await lockWorkspace(tx, "importDerive", workspaceId);
    const removed = await tx.$queryRaw<
      { customerId: string; messageId: string | null; type: string; ts: Date }[]
    >(
      Prisma.sql`
        DELETE FROM "Event" WHERE "workspaceId" = ${workspaceId} AND "importBatchId" = ${id}
        RETURNING "customerId", "messageId", CAST("type" AS text) AS "type", "ts"`,
    );
    const customers = new Set<string>();
    const messages = new Set<string>();
    let from: Date | null = null;
    let to: Date | null = null;
    for (const row of removed) {
      customers.add(row.customerId);
      if (row.type === "message_sent" && row.messageId !== null) messages.add(row.messageId);
      if (!from || row.ts < from) from = row.ts;
      if (!to || row.ts > to) to = row.ts;
    }
    await rebuildDerivedState(tx, workspaceId, [...customers], [...messages]);
    await tx.importBatch.update({
      where: { workspaceId_id: { workspaceId, id } },
      data: { eventsDeletedAt: new Date() },
    });
    await recordAudit(
      {
        action: "import.events_deleted",
        workspaceId,
        userId,
        targetType: "import",
        targetId: String(id),
        details: { fileName: batch.fileName, events: removed.length },
      },
      tx,
    );
    return { deleted: removed.length, range: from && to ? { from, to, customerIds: [...customers] } : null };
  }, TRANSACTION);
  // Metrics over the range change as when events are added: the same announcement refreshes them.
  if (deleted > 0) await recordDataChange(prisma, workspaceId, range?.from ?? null);
  if (range) announceEventsAdded({ workspaceId, ...range });
  return { deleted };
}
