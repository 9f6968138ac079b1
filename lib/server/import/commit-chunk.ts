import "server-only";

import type { BulkSession, Database } from "@/lib/server/db/connection";
import { prepareEvents, type PreparedEvents } from "@/lib/server/ingest/prepare-events";
import { rejectSuppressed } from "@/lib/server/ingest/reject-suppressed";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";

import { copyEvents } from "./copy-events";
import { leaseOwner, LEASE_SECONDS } from "./import-lease";
import type { ImportRow } from "./import-row";

/** What an import needs of the database: Prisma, and bulk transactions for its chunks. */
export type ImportDatabase = Pick<Database, "prisma" | "bulkTransaction">;

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
  /** The greatest id of the events the chunk stored; null when it stored none. */
  lastId: bigint | null;
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
 * running under this process's lease; otherwise the chunk is rolled back. The transaction runs
 * on a connection of its own, straight through the driver (copy-events.ts).
 */
export async function commitChunk(
  db: ImportDatabase,
  batch: { workspaceId: number; id: number },
  chunk: PreparedChunk,
  /** Settles when the previous chunk has committed: checkpoints move in file order. */
  previous: Promise<unknown> = Promise.resolve(),
): Promise<ChunkOutcome> {
  const { end } = chunk;
  const committed = await db.bulkTransaction(async (session) => {
    // Rows of customers erased by a data-subject request are refused like invalid ones.
    const prepared = await rejectSuppressed(session, batch.workspaceId, chunk.events);
    const rejected = prepared.rejected.map(({ index, errors }) => ({ line: chunk.lines[index], errors }));
    const { stored, lastId } = await copyEvents(session, batch.workspaceId, prepared.events, batch.id);
    await insertRowErrors(session, batch, rejected);
    // A chunk may be stored while the previous one commits; its checkpoint waits for it.
    await previous;
    const outcome = {
      accepted: stored,
      duplicates: prepared.repeated + prepared.events.length - stored,
      rejected: rejected.length,
      lastId,
    };
    const moved = await session.execute(
      `UPDATE "ImportBatch" SET
        "bytesDone" = $1, "linesDone" = $2, "rowsDone" = "rowsDone" + $3,
        "accepted" = "accepted" + $4, "duplicates" = "duplicates" + $5, "rejected" = "rejected" + $6,
        "leaseUntil" = now() + make_interval(secs => $7)
      WHERE "workspaceId" = $8 AND "id" = $9 AND "status" = 'running' AND "leaseOwner" = $10`,
      [
        end.bytes,
        end.lines,
        chunk.rows,
        outcome.accepted,
        outcome.duplicates,
        outcome.rejected,
        LEASE_SECONDS,
        batch.workspaceId,
        batch.id,
        leaseOwner(),
      ],
    );
    if (moved !== 1) throw new ImportClaimLost();
    return outcome;
  });
  if (committed.accepted > 0) await recordDataChange(db.prisma, batch.workspaceId);
  return committed;
}

async function insertRowErrors(
  session: BulkSession,
  batch: { workspaceId: number; id: number },
  rejected: readonly { line: number; errors: string[] }[],
): Promise<void> {
  if (rejected.length === 0) return;
  // Reasons travel joined by a line break (none contains one: values are quoted as JSON).
  await session.execute(
    `INSERT INTO "ImportRowError" ("workspaceId", "batchId", "line", "errors")
    SELECT CAST($1 AS integer), CAST($2 AS integer), u.line, string_to_array(u.errors, E'\\n')
    FROM unnest(CAST($3 AS integer[]), CAST($4 AS text[])) AS u(line, errors)
    ON CONFLICT DO NOTHING`,
    [
      batch.workspaceId,
      batch.id,
      rejected.map((row) => row.line),
      rejected.map((row) => row.errors.map((error) => error.replace(/\n/g, " ")).join("\n")),
    ],
  );
}
