import "server-only";

import type { Database } from "@/lib/server/db/connection";

import { describeOutcome, runRetentionJob } from "./retention-job";
import { RETENTION_BATCH_SIZE } from "./run-retention";

/** How often the server looks for workspaces due (last run over a day ago); default hourly. */
const CHECK_MS = Number(process.env.RESONANS_RETENTION_CHECK_MS ?? 60 * 60 * 1000);
/** The first look, a few minutes after start, so it never competes with start-up work. */
const FIRST_CHECK_MS = Math.min(CHECK_MS, 5 * 60 * 1000);

interface Scheduler {
  timer: NodeJS.Timeout | null;
  busy: boolean;
}

// On globalThis, so the server starts one scheduler whatever bundle asks.
const registry = globalThis as unknown as { resonansRetentionScheduler?: Scheduler };

/**
 * Applies the retention policies daily while the server runs: every hour it runs the job for
 * the workspaces with a policy whose last run is over a day old, one workspace at a time and
 * never two checks at once. Failures are logged, never thrown; the timer never keeps the
 * process alive. Workspaces without a policy (the demo's) are never touched. Starting twice
 * keeps the first scheduler.
 */
export function startRetentionScheduler(getDb: () => Promise<Database>): void {
  if (registry.resonansRetentionScheduler) return;
  const scheduler: Scheduler = { timer: null, busy: false };
  registry.resonansRetentionScheduler = scheduler;

  const schedule = (delay: number) => {
    scheduler.timer = setTimeout(() => void check(), delay);
    scheduler.timer.unref();
  };
  const check = async () => {
    if (scheduler.busy) return;
    scheduler.busy = true;
    try {
      const db = await getDb();
      const outcomes = await runRetentionJob(
        db.prisma,
        { dueOnly: true },
        { batchSize: retentionBatchSize(db) },
      );
      for (const outcome of outcomes) {
        if ("error" in outcome) console.error(`[retention] ${describeOutcome(outcome)}`, outcome.error);
        else if (outcome.result?.events) console.info(`[retention] ${describeOutcome(outcome)}`);
      }
    } catch (error) {
      console.error("[retention] the retention check failed", error);
    } finally {
      scheduler.busy = false;
      schedule(CHECK_MS);
    }
  };
  schedule(FIRST_CHECK_MS);
}

/**
 * Events per transaction on a database. Embedded PGlite answers no page while a transaction
 * runs (one thread), so its batches are ten times smaller and each pause stays short.
 */
export function retentionBatchSize(db: Pick<Database, "target">): number {
  return db.target.kind === "postgres" ? RETENTION_BATCH_SIZE : RETENTION_BATCH_SIZE / 10;
}
