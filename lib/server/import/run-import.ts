import "server-only";

import fs from "node:fs";

import { Prisma } from "@/lib/generated/prisma/client";
import type { StoredImportOptions } from "@/lib/schemas/import";
import { noteEventsStored } from "@/lib/server/ingest/statistics";

import {
  commitChunk,
  ImportClaimLost,
  type ImportDatabase,
  prepareChunk,
  type ChunkOutcome,
  type PreparedChunk,
} from "./commit-chunk";
import { deriveImportedEvents } from "./derive-imported-events";
import { removeUploadedFile } from "./import-files";
import { leaseOwner, LEASE_SECONDS, renewLease } from "./import-lease";
import type { ImportRow } from "./import-row";
import { readBatchRows } from "./read-batch-rows";

/** Rows per transaction: big enough to be fast, small enough for frequent progress. */
export const CHUNK_ROWS = Number(process.env.RESONANS_IMPORT_CHUNK_ROWS ?? 10_000);
/** Rows between passes that bring the derived state up to date (and at the end). */
export const DERIVE_ROWS = Number(process.env.RESONANS_IMPORT_DERIVE_ROWS ?? 200_000);

/** How an import paces itself: chunks stored at once, rows per chunk, rows between derive passes. */
export interface ImportPace {
  parallel: number;
  chunkRows: number;
  deriveRows: number;
}

export const DEFAULT_PACE: ImportPace = { parallel: 1, chunkRows: CHUNK_ROWS, deriveRows: DERIVE_ROWS };

/** Lets pending I/O (HTTP requests) run: embedded PGlite executes on this very thread. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
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
 * transaction (commit-chunk.ts), with a pass bringing the derived state up to date every
 * 200,000 rows and at the end (derive-imported-events.ts). While a chunk commits, the next one
 * is read and validated; on PostgreSQL two chunks are stored at once, and a pass runs while
 * the next chunks are stored.
 * Ends `completed`, `cancelled` (someone cancelled it, or another process took it over), or
 * `failed` with the reason stored on the batch (an unreadable file, a database error).
 */
export async function runImport(
  db: ImportDatabase,
  ref: { workspaceId: number; id: number },
  onProgress?: (progress: ImportProgress) => void,
  /** See importPace (import-runner.ts): PostgreSQL stores two chunks at once; PGlite paces finer. */
  pace: Partial<ImportPace> = {},
): Promise<ImportOutcome> {
  const { prisma } = db;
  const batch = await prisma.importBatch.findUniqueOrThrow({
    where: { workspaceId_id: { workspaceId: ref.workspaceId, id: ref.id } },
  });
  const { parallel, chunkRows, deriveRows } = { ...DEFAULT_PACE, ...pace };
  const progress: ImportProgress = {
    rowsDone: batch.rowsDone,
    accepted: batch.accepted,
    duplicates: batch.duplicates,
    rejected: batch.rejected,
    bytesDone: Number(batch.bytesDone),
    totalBytes: Number(batch.totalBytes),
  };
  onProgress?.({ ...progress });
  const heartbeat = setInterval(
    () => {
      renewLease(prisma, ref.workspaceId, ref.id).catch(() => undefined);
    },
    (LEASE_SECONDS * 1000) / 3,
  );
  heartbeat.unref();

  try {
    await fs.promises.access(batch.filePath, fs.constants.R_OK).catch(() => {
      throw new Error(`The file ${batch.fileName} is no longer there to read.`);
    });
    const rows = readBatchRows(batch.filePath, batch.options as unknown as StoredImportOptions, {
      bytes: Number(batch.bytesDone),
      lines: batch.linesDone,
    });
    // Chunks in flight, oldest first; each commits after the one before it (commit-chunk.ts).
    const inFlight: Promise<void>[] = [];
    let previous: Promise<unknown> = Promise.resolve();
    let underived = 0;
    // The greatest id stored so far, and the derive pass running meanwhile (awaited by the next
    // pass and at the end, which thereby see its failure).
    let lastId: bigint | null = null;
    let deriving: Promise<unknown> = Promise.resolve();
    let chunk: ImportRow[] = [];
    let chunkStart = Number(batch.bytesDone);
    const drain = async () => {
      while (inFlight.length > 0) await inFlight.shift();
    };
    const flush = async () => {
      const prepared = prepareChunk(chunk);
      chunk = [];
      chunkStart = prepared.end.bytes;
      while (inFlight.length >= parallel) await inFlight.shift();
      await yieldToEventLoop();
      const committed = commitChunk(db, ref, prepared, previous);
      previous = committed;
      const settled = committed.then((outcome) => settle(prepared, outcome));
      settled.catch(() => undefined); // awaited by drain or the next flush
      inFlight.push(settled);
      underived += prepared.rows;
      if (underived >= deriveRows) {
        // With no chunk in flight every id up to the greatest stored is committed, and chunks
        // stored from now on get greater ones: a pass up to it runs while they are stored.
        await drain();
        underived = 0;
        await deriving;
        const upTo = lastId;
        if (upTo !== null) {
          deriving = deriveImportedEvents(prisma, ref, upTo);
          deriving.catch(() => undefined); // awaited by the next pass or at the end
        }
      }
    };
    const settle = (prepared: PreparedChunk, outcome: ChunkOutcome) => {
      progress.rowsDone += prepared.rows;
      progress.accepted += outcome.accepted;
      progress.duplicates += outcome.duplicates;
      progress.rejected += outcome.rejected;
      progress.bytesDone = prepared.end.bytes;
      if (outcome.lastId !== null && (lastId === null || outcome.lastId > lastId)) lastId = outcome.lastId;
      onProgress?.({ ...progress });
      // In the background: the next chunk need not wait for fresh statistics.
      void noteEventsStored(prisma, outcome.accepted);
    };
    try {
      // A resumed import first derives what the interrupted run stored but had not derived.
      await deriveImportedEvents(prisma, ref);
      for await (const row of rows) {
        chunk.push(row);
        if (chunk.length >= chunkRows || row.end.bytes - chunkStart >= CHUNK_BYTES) await flush();
      }
      if (chunk.length > 0) await flush();
      await drain();
      await deriving;
    } finally {
      // Whatever ends the run (the end, a cancel, a failure), what was committed feeds the
      // derived state; a failure here leaves it to the next run or to the cancel.
      await Promise.allSettled([...inFlight, deriving]);
      await deriveImportedEvents(prisma, ref).catch((error: unknown) =>
        console.error(`[import] batch ${ref.id}: deriving failed`, error),
      );
    }

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
      .$executeRaw(
        Prisma.sql`
        UPDATE "ImportBatch" SET "status" = 'failed', "finishedAt" = now(), "error" = ${message.slice(0, 1000)},
          "leaseOwner" = NULL, "leaseUntil" = NULL
        WHERE "workspaceId" = ${ref.workspaceId} AND "id" = ${ref.id} AND "status" = 'running'
          AND "leaseOwner" = ${leaseOwner()}`,
      )
      .catch(() => undefined);
    return "failed";
  } finally {
    clearInterval(heartbeat);
  }
}
