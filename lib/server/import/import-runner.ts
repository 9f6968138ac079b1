import "server-only";

import type { Database } from "@/lib/server/db/connection";

import type { ImportDatabase } from "./commit-chunk";
import { claimBatch, isClaimable } from "./import-lease";
import { DEFAULT_PACE, runImport, type ImportPace } from "./run-import";

const POLL_MS = Number(process.env.RESONANS_IMPORT_POLL_MS ?? 5_000);

interface Runner {
  started: boolean;
  busy: boolean;
  timer: NodeJS.Timeout | null;
  wake: () => void;
}

// On globalThis, so route handlers, server actions and instrumentation share one runner.
const registry = globalThis as unknown as { resonansImportRunner?: Runner };

/**
 * The server's background import worker: one batch at a time, oldest first. It picks up
 * queued batches and resumes running ones whose process is gone (a restart) or whose lease
 * ran out. Started when the server starts (instrumentation.ts); `wakeImportRunner` starts
 * work at once after an upload or a resume instead of at the next poll.
 */
export function startImportRunner(getDb: () => Promise<Database>): void {
  const runner = (registry.resonansImportRunner ??= {
    started: false,
    busy: false,
    timer: null,
    wake: () => {},
  });
  if (runner.started) return;
  runner.started = true;

  const schedule = (delay: number) => {
    if (runner.timer) clearTimeout(runner.timer);
    runner.timer = setTimeout(() => void tick(), delay);
    runner.timer.unref();
  };
  const tick = async () => {
    if (runner.busy) return;
    runner.busy = true;
    try {
      const db = await getDb();
      while (await runNext(db, importPace(db))) {
        // keep going while there is work
      }
    } catch (error) {
      console.error("[import] the import worker failed", error);
    } finally {
      runner.busy = false;
      schedule(POLL_MS);
    }
  };
  runner.wake = () => schedule(0);
  schedule(0);
}

export function wakeImportRunner(): void {
  registry.resonansImportRunner?.wake();
}

/**
 * How imports pace themselves on a database. PostgreSQL: two chunks of 10,000 rows stored at
 * once (a connection each), derived every 200,000 rows. Embedded PGlite runs every query on
 * the server's own thread, one at a time, so while a transaction runs no page can answer:
 * chunks of 2,000 rows and passes every 20,000 keep each pause well under a second.
 * RESONANS_IMPORT_CHUNK_ROWS / RESONANS_IMPORT_DERIVE_ROWS override both.
 */
export function importPace(db: Pick<Database, "target">): ImportPace {
  if (db.target.kind === "postgres") return { ...DEFAULT_PACE, parallel: 2 };
  const env = process.env;
  return {
    parallel: 1,
    chunkRows: env.RESONANS_IMPORT_CHUNK_ROWS ? DEFAULT_PACE.chunkRows : 2_000,
    deriveRows: env.RESONANS_IMPORT_DERIVE_ROWS ? DEFAULT_PACE.deriveRows : 20_000,
  };
}

/** Claims and runs the oldest batch that is free to run; false when there is none. */
export async function runNext(db: ImportDatabase, pace: Partial<ImportPace> = {}): Promise<boolean> {
  const { prisma } = db;
  const candidates = await prisma.importBatch.findMany({
    where: { status: { in: ["queued", "running"] } },
    select: { workspaceId: true, id: true, status: true, leaseOwner: true, leaseUntil: true },
    orderBy: { id: "asc" },
  });
  for (const batch of candidates) {
    if (!isClaimable(batch)) continue;
    if (!(await claimBatch(prisma, batch))) continue;
    await runImport(db, batch, undefined, pace);
    return true;
  }
  return false;
}
