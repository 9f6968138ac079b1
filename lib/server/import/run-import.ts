import "server-only";

import fs from "node:fs";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { StoredImportOptions } from "@/lib/schemas/import";
import { announceEventsAdded } from "@/lib/server/ingest/events-added";
import { noteEventsStored } from "@/lib/server/ingest/statistics";

import { commitChunk, ImportClaimLost, prepareChunk, type ChunkOutcome, type PreparedChunk } from "./commit-chunk";
import { removeUploadedFile } from "./import-files";
import { leaseOwner, LEASE_SECONDS, renewLease } from "./import-lease";
import type { ImportRow } from "./import-row";
import { readBatchRows } from "./read-batch-rows";

/** Rows per transaction: big enough to be fast, small enough for frequent progress. */
export const CHUNK_ROWS = Number(process.env.RESONANS_IMPORT_CHUNK_ROWS ?? 10_000);
const CHUNK_BYTES = 8 * 1024 * 1024;

export interface ImportProgress {
  rowsDone: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  bytesDone: number;
  totalBytes: number;
}

export type ImportOutcome = "completed" | "cancelled" | "failed";

/**
 * Runs a claimed import batch from its checkpoint to the end of its file, one chunk per
 * transaction (commit-chunk.ts). While a chunk commits, the next one is read and validated.
 * Ends `completed`, `cancelled` (someone cancelled it, or another process took it over), or
 * `failed` with the reason stored on the batch (an unreadable file, a database error).
 */
export async function runImport(
  prisma: PrismaClient,
  ref: { workspaceId: number; id: number },
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  const batch = await prisma.importBatch.findUniqueOrThrow({
    where: { workspaceId_id: { workspaceId: ref.workspaceId, id: ref.id } },
  });
  const progress: ImportProgress = {
    rowsDone: batch.rowsDone,
    accepted: batch.accepted,
    duplicates: batch.duplicates,
    rejected: batch.rejected,
    bytesDone: Number(batch.bytesDone),
    totalBytes: Number(batch.totalBytes),
  };
  onProgress?.({ ...progress });
  const heartbeat = setInterval(() => {
    renewLease(prisma, ref.workspaceId, ref.id).catch(() => undefined);
  }, (LEASE_SECONDS * 1000) / 3);
  heartbeat.unref();

  try {
    await fs.promises.access(batch.filePath, fs.constants.R_OK).catch(() => {
      throw new Error(`The file ${batch.fileName} is no longer there to read.`);
    });
    const rows = readBatchRows(batch.filePath, batch.options as unknown as StoredImportOptions, {
      bytes: Number(batch.bytesDone),
      lines: batch.linesDone,
    });
    let pending: Promise<void> = Promise.resolve();
    let chunk: ImportRow[] = [];
    let chunkStart = Number(batch.bytesDone);
    const flush = async () => {
      const prepared = prepareChunk(chunk);
      chunk = [];
      chunkStart = prepared.end.bytes;
      await pending;
      pending = commitChunk(prisma, ref, prepared).then((outcome) => settle(prepared, outcome));
      // Surfaces a failure at once; the loop awaits `pending` before the next commit anyway.
      pending.catch(() => undefined);
    };
    const settle = async (prepared: PreparedChunk, outcome: ChunkOutcome) => {
      if (outcome.range) announceEventsAdded({ workspaceId: ref.workspaceId, ...outcome.range });
      progress.rowsDone += prepared.rows;
      progress.accepted += outcome.accepted;
      progress.duplicates += outcome.duplicates;
      progress.rejected += outcome.rejected;
      progress.bytesDone = prepared.end.bytes;
      onProgress?.({ ...progress });
      // In the background: the next chunk need not wait for fresh statistics.
      void noteEventsStored(prisma, outcome.accepted);
    };
    for await (const row of rows) {
      chunk.push(row);
      if (chunk.length >= CHUNK_ROWS || row.end.bytes - chunkStart >= CHUNK_BYTES) await flush();
    }
    if (chunk.length > 0) await flush();
    await pending;

    const finished = await prisma.$executeRaw(Prisma.sql`
      UPDATE "ImportBatch" SET "status" = 'completed', "finishedAt" = now(), "bytesDone" = "totalBytes",
        "leaseOwner" = NULL, "leaseUntil" = NULL
      WHERE "workspaceId" = ${ref.workspaceId} AND "id" = ${ref.id} AND "status" = 'running'
        AND "leaseOwner" = ${leaseOwner()}`);
    if (finished !== 1) return "cancelled";
    progress.bytesDone = progress.totalBytes;
    onProgress?.({ ...progress });
    await removeUploadedFile(batch.filePath).catch(() => undefined);
    return "completed";
  } catch (error) {
    if (error instanceof ImportClaimLost) return "cancelled";
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[import] batch ${ref.id} failed:`, message);
    await prisma
      .$executeRaw(Prisma.sql`
        UPDATE "ImportBatch" SET "status" = 'failed', "finishedAt" = now(), "error" = ${message.slice(0, 1000)},
          "leaseOwner" = NULL, "leaseUntil" = NULL
        WHERE "workspaceId" = ${ref.workspaceId} AND "id" = ${ref.id} AND "status" = 'running'
          AND "leaseOwner" = ${leaseOwner()}`)
      .catch(() => undefined);
    return "failed";
  } finally {
    clearInterval(heartbeat);
  }
}
