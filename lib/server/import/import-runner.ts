import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/server/db/connection";

import { claimBatch, isClaimable } from "./import-lease";
import { runImport } from "./run-import";

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
  const runner = (registry.resonansImportRunner ??= { started: false, busy: false, timer: null, wake: () => {} });
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
      while (await runNext(db.prisma, { parallel: importParallelism(db) })) {
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

/** Chunks an import stores at once: two connections on PostgreSQL; PGlite has one. */
export function importParallelism(db: Pick<Database, "target">): number {
  return db.target.kind === "postgres" ? 2 : 1;
}

/** Claims and runs the oldest batch that is free to run; false when there is none. */
export async function runNext(prisma: PrismaClient, options: { parallel?: number } = {}): Promise<boolean> {
  const candidates = await prisma.importBatch.findMany({
    where: { status: { in: ["queued", "running"] } },
    select: { workspaceId: true, id: true, status: true, leaseOwner: true, leaseUntil: true },
    orderBy: { id: "asc" },
  });
  for (const batch of candidates) {
    if (!isClaimable(batch)) continue;
    if (!(await claimBatch(prisma, batch))) continue;
    await runImport(prisma, batch, undefined, options);
    return true;
  }
  return false;
}
