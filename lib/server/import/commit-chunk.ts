import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { TRANSACTION } from "@/lib/server/ingest/ingest-events";
import type { Tx } from "@/lib/server/ingest/keyed-event";
import { prepareEvents, type PreparedEvents } from "@/lib/server/ingest/prepare-events";
import { rejectSuppressed } from "@/lib/server/ingest/reject-suppressed";
import { insertEvents } from "@/lib/server/ingest/store-events";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";

import { leaseOwner, LEASE_SECONDS } from "./import-lease";
import type { ImportRow } from "./import-row";

/** The batch stopped being this process's to run: cancelled, or claimed by another process. */
export class ImportClaimLost extends Error {
  constructor() {
    super("The import was cancelled or taken over by another process.");
  }
}

export interface ChunkOutcome {
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface PreparedChunk {
  rows: number;
  events: PreparedEvents;
  /** The file line of each row, by position in the chunk. */
  lines: number[];
  end: ImportRow["end"];
}

/** Validates a chunk's rows (done while the previous chunk commits). */
export function prepareChunk(rows: readonly ImportRow[]): PreparedChunk {
  const events = prepareEvents(
    rows.map((row) => row.raw),
    rows.map((row) => row.errors),
  );
  return { rows: rows.length, events, lines: rows.map((row) => row.line), end: rows[rows.length - 1].end };
}

/**
 * Stores one prepared chunk of rows and moves the batch's checkpoint past it, in one
 * transaction: the events, the rejected rows' reasons and the counters commit together or not
 * at all. So a process killed at any moment resumes from a checkpoint that matches exactly what
 * is stored, and a re-run stores nothing twice. The derived state follows in passes over many
 * chunks (derive-imported-events.ts). The checkpoint moves only while the batch is still
 * running under this process's lease; otherwise the chunk is rolled back.
 */
export async function commitChunk(
  prisma: PrismaClient,
  batch: { workspaceId: number; id: number },
  chunk: PreparedChunk,
  /** Settles when the previous chunk has committed: checkpoints move in file order. */
  previous: Promise<unknown> = Promise.resolve(),
): Promise<ChunkOutcome> {
  const { end } = chunk;
  const committed = await prisma.$transaction(async (tx) => {
    // Rows of customers erased by a data-subject request are refused like invalid ones.
    const prepared = await rejectSuppressed(tx, batch.workspaceId, chunk.events);
    const rejected = prepared.rejected.map(({ index, errors }) => ({ line: chunk.lines[index], errors }));
    const stored =
      prepared.events.length > 0 ? await insertEvents(tx, batch.workspaceId, prepared.events, batch.id) : [];
    await insertRowErrors(tx, batch, rejected);
    // A chunk may be stored while the previous one commits; its checkpoint waits for it.
    await previous;
    const outcome = {
      accepted: stored.length,
      duplicates: prepared.repeated + prepared.events.length - stored.length,
      rejected: rejected.length,
    };
    const moved = await tx.$executeRaw(Prisma.sql`
      UPDATE "ImportBatch" SET
        "bytesDone" = ${end.bytes}, "linesDone" = ${end.lines}, "rowsDone" = "rowsDone" + ${chunk.rows},
        "accepted" = "accepted" + ${outcome.accepted}, "duplicates" = "duplicates" + ${outcome.duplicates},
        "rejected" = "rejected" + ${outcome.rejected},
        "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE "workspaceId" = ${batch.workspaceId} AND "id" = ${batch.id} AND "status" = 'running'
        AND "leaseOwner" = ${leaseOwner()}`);
    if (moved !== 1) throw new ImportClaimLost();
    return outcome;
  }, TRANSACTION);
  if (committed.accepted > 0) await recordDataChange(prisma, batch.workspaceId);
  return committed;
}

async function insertRowErrors(
  tx: Tx,
  batch: { workspaceId: number; id: number },
  rejected: readonly { line: number; errors: string[] }[],
): Promise<void> {
  if (rejected.length === 0) return;
  // Reasons travel joined by a line break (none contains one: values are quoted as JSON).
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "ImportRowError" ("workspaceId", "batchId", "line", "errors")
    SELECT CAST(${batch.workspaceId} AS integer), CAST(${batch.id} AS integer), u.line, string_to_array(u.errors, E'\n')
    FROM unnest(CAST(${rejected.map((row) => row.line)} AS integer[]),
      CAST(${rejected.map((row) => row.errors.map((error) => error.replace(/\n/g, " ")).join("\n"))} AS text[]))
      AS u(line, errors)
    ON CONFLICT DO NOTHING`);
}
