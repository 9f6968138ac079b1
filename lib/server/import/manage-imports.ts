import "server-only";

import type { ImportBatch, PrismaClient } from "@/lib/generated/prisma/client";
import { importBatchId } from "@/lib/schemas/import";
import { AppError } from "@/lib/server/errors";

import { deriveImportedEvents } from "./derive-imported-events";

/** The import id of a route's `[id]` segment, or a 400 that says what it must be. */
export function importIdParam(raw: unknown): number {
  const id = importBatchId.safeParse(raw);
  if (!id.success) throw new AppError("invalid_input", "The import id must be a positive whole number.");
  return id.data;
}

async function findBatch(prisma: PrismaClient, workspaceId: number, id: number): Promise<ImportBatch> {
  const batch = await prisma.importBatch.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
  if (!batch) throw new AppError("not_found", `No import ${id} in this workspace.`);
  return batch;
}

/**
 * Cancels a queued or running import. Rows committed so far stay stored (delete them with
 * the batch's events); the chunk in flight is rolled back. Cancelling twice changes nothing.
 */
export async function cancelImport(
  prisma: PrismaClient,
  workspaceId: number,
  id: number,
): Promise<ImportBatch> {
  const batch = await findBatch(prisma, workspaceId, id);
  if (batch.status === "cancelled") return batch;
  if (batch.status !== "queued" && batch.status !== "running") {
    throw new AppError(
      "conflict",
      `Import ${id} has ${batch.status}; only a queued or running import can be cancelled.`,
    );
  }
  await prisma.importBatch.updateMany({
    where: { workspaceId, id, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", finishedAt: new Date(), leaseOwner: null, leaseUntil: null },
  });
  // Events a killed run committed but never derived feed the derived state now.
  await deriveImportedEvents(prisma, { workspaceId, id });
  return findBatch(prisma, workspaceId, id);
}

/** Queues a cancelled or failed import again; it continues from its checkpoint. */
export async function resumeImport(
  prisma: PrismaClient,
  workspaceId: number,
  id: number,
): Promise<ImportBatch> {
  const batch = await findBatch(prisma, workspaceId, id);
  if (batch.status !== "cancelled" && batch.status !== "failed") {
    throw new AppError(
      "conflict",
      `Import ${id} has ${batch.status}; only a cancelled or failed import can be resumed.`,
    );
  }
  if (batch.eventsDeletedAt)
    throw new AppError("conflict", `The events of import ${id} were deleted; import the file again.`);
  await prisma.importBatch.updateMany({
    where: { workspaceId, id, status: batch.status },
    data: { status: "queued", finishedAt: null, error: null },
  });
  return findBatch(prisma, workspaceId, id);
}

/** The workspace's imports, newest first. */
export function listImports(prisma: PrismaClient, workspaceId: number, take = 50) {
  return prisma.importBatch.findMany({
    where: { workspaceId },
    orderBy: { id: "desc" },
    take,
    include: { createdBy: { select: { name: true, email: true } } },
  });
}

export function getImport(prisma: PrismaClient, workspaceId: number, id: number) {
  return findBatch(prisma, workspaceId, id);
}
