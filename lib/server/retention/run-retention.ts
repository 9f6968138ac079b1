import "server-only";

import type { PrismaClient, RetentionMode } from "@/lib/generated/prisma/client";
import { retentionCutoff } from "@/lib/retention/cutoff";
import { recordAudit } from "@/lib/server/audit";
import { lockWorkspace } from "@/lib/server/db/workspace-lock";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";

import { anonymiseOldEvents } from "./anonymise-old-events";
import { deleteOldEvents } from "./delete-old-events";
import { rederiveAfterBatch, type RetentionBatch } from "./retention-batch";

/** Events per transaction: large enough to be quick, small enough not to hold locks for long. */
export const RETENTION_BATCH_SIZE = 20_000;

// One batch rebuilds up to a batch's worth of customers; on the embedded database that can take minutes.
const TRANSACTION = { maxWait: 60_000, timeout: 30 * 60_000 } as const;

export interface RetentionRunOptions {
  /** The run's clock (default: now); the cutoff is worked out from it. */
  now?: Date;
  batchSize?: number;
  /** The admin who asked for the run ("Run now"); null for the scheduled job and the command. */
  userId?: string | null;
}

/** What a run did in one workspace. */
export interface RetentionRunResult {
  workspaceId: number;
  mode: RetentionMode;
  months: number;
  /** Events with ts before this instant were deleted or anonymised. */
  cutoff: Date;
  /** Events deleted or anonymised. */
  events: number;
  /** Customers whose events those were. */
  customers: number;
  /** Of those, customers left without any event, whose customer rows are gone. */
  customersRemoved: number;
  batches: number;
}

/**
 * Applies a workspace's retention policy once: events before the cutoff (lib/retention/cutoff.ts)
 * are deleted, or anonymised, in batches of `batchSize` events, each in its own transaction
 * with the rebuild of everything derived from them. Records when it ran, and an audit entry
 * (`retention.run`) with its counts when it changed anything. A second run the same day finds
 * nothing to do. Returns null for a workspace without a policy. Runs in one process never
 * overlap; batches of runs in two processes never interleave.
 */
export function runRetention(
  prisma: PrismaClient,
  workspaceId: number,
  options: RetentionRunOptions = {},
): Promise<RetentionRunResult | null> {
  const run = runs.resonansRetentionQueue.then(() => runNow(prisma, workspaceId, options));
  runs.resonansRetentionQueue = run.catch(() => undefined);
  return run;
}

// On globalThis, so every bundle of the server (pages, actions, the scheduler) shares one queue.
const runs = globalThis as unknown as { resonansRetentionQueue: Promise<unknown> };
runs.resonansRetentionQueue ??= Promise.resolve();

async function runNow(
  prisma: PrismaClient,
  workspaceId: number,
  options: RetentionRunOptions,
): Promise<RetentionRunResult | null> {
  const workspace = await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const months = workspace.retentionMonths;
  if (months === null) return null;
  const now = options.now ?? new Date();
  const result: RetentionRunResult = {
    workspaceId,
    mode: workspace.retentionMode,
    months,
    cutoff: retentionCutoff(now, months, workspace.timeZone),
    events: 0,
    customers: 0,
    customersRemoved: 0,
    batches: 0,
  };
  try {
    await runBatches(prisma, result, options.batchSize ?? RETENTION_BATCH_SIZE);
  } catch (error) {
    // Batches already committed stay done: the log says so, and the next run goes on from there.
    if (result.events > 0) await recordRun(prisma, result, now, options.userId ?? null, error);
    throw error;
  }
  await recordRun(prisma, result, now, options.userId ?? null);
  return result;
}

async function runBatches(
  prisma: PrismaClient,
  result: RetentionRunResult,
  batchSize: number,
): Promise<void> {
  const { workspaceId, cutoff, mode } = result;
  const customers = new Set<string>();
  // Tokens of the last batch's customers: the next batch may continue with the last of them.
  let tokens = new Map<string, string>();
  for (;;) {
    const { batch, removed } = await prisma.$transaction(async (tx) => {
      await lockWorkspace(tx, "eventRemoval", workspaceId);
      const batch: RetentionBatch =
        mode === "delete"
          ? await deleteOldEvents(tx, workspaceId, cutoff, batchSize)
          : await anonymiseOldEvents(tx, workspaceId, cutoff, batchSize, tokens);
      return { batch, removed: await rederiveAfterBatch(tx, workspaceId, batch) };
    }, TRANSACTION);
    if (batch.events === 0) return;
    await recordDataChange(prisma, workspaceId);
    result.batches += 1;
    result.events += batch.events;
    result.customersRemoved += removed;
    for (const customer of batch.customers) customers.add(customer);
    result.customers = customers.size;
    if (mode === "anonymise") tokens = new Map(batch.customers.map((id, i) => [id, batch.tokens[i]]));
    if (batch.events < batchSize) return;
  }
}

async function recordRun(
  prisma: PrismaClient,
  result: RetentionRunResult,
  now: Date,
  userId: string | null,
  error?: unknown,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    if (!error)
      await tx.workspace.update({ where: { id: result.workspaceId }, data: { retentionRunAt: now } });
    if (result.events === 0) return;
    await recordAudit(
      {
        action: "retention.run",
        workspaceId: result.workspaceId,
        userId,
        targetType: "workspace",
        targetId: String(result.workspaceId),
        details: {
          mode: result.mode,
          months: result.months,
          cutoff: result.cutoff.toISOString(),
          events: result.events,
          customers: result.customers,
          customersRemoved: result.customersRemoved,
          batches: result.batches,
          // The error itself goes to the server log, not here: it may quote SQL.
          ...(error ? { failed: true } : {}),
        },
      },
      tx,
    );
  });
}
