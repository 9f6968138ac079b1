import "server-only";

import type { PrismaClient, Workspace } from "@/lib/generated/prisma/client";

import { runRetention, type RetentionRunOptions, type RetentionRunResult } from "./run-retention";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSelection {
  /** One workspace by slug (whether or not it is due); absent: every workspace with a policy. */
  slug?: string;
  /** Only workspaces whose last run is older than a day, or that never ran (the scheduler). */
  dueOnly?: boolean;
  now?: Date;
}

/** The workspaces a retention job runs for: those with a policy, or the one named. */
export async function selectRetentionWorkspaces(
  prisma: PrismaClient,
  selection: RetentionSelection = {},
): Promise<Workspace[]> {
  if (selection.slug !== undefined) {
    const workspace = await prisma.workspace.findUnique({ where: { slug: selection.slug } });
    if (!workspace) throw new Error(`No workspace "${selection.slug}".`);
    return [workspace];
  }
  const dueBefore = new Date((selection.now ?? new Date()).getTime() - DAY_MS);
  return prisma.workspace.findMany({
    where: {
      retentionMonths: { not: null },
      ...(selection.dueOnly
        ? { OR: [{ retentionRunAt: null }, { retentionRunAt: { lte: dueBefore } }] }
        : {}),
    },
    orderBy: { id: "asc" },
  });
}

export type RetentionJobOutcome =
  { workspace: Workspace; result: RetentionRunResult | null } | { workspace: Workspace; error: unknown };

/**
 * Runs retention for each selected workspace in turn. A failing workspace does not stop the
 * others: its error is in its outcome.
 */
export async function runRetentionJob(
  prisma: PrismaClient,
  selection: RetentionSelection = {},
  options: Omit<RetentionRunOptions, "now" | "userId"> = {},
): Promise<RetentionJobOutcome[]> {
  const outcomes: RetentionJobOutcome[] = [];
  for (const workspace of await selectRetentionWorkspaces(prisma, selection)) {
    try {
      const result = await runRetention(prisma, workspace.id, { ...options, now: selection.now });
      outcomes.push({ workspace, result });
    } catch (error) {
      outcomes.push({ workspace, error });
    }
  }
  return outcomes;
}

/** One line per workspace, as the command prints it. */
export function describeOutcome(outcome: RetentionJobOutcome): string {
  const slug = outcome.workspace.slug;
  if ("error" in outcome) {
    return `${slug}: failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`;
  }
  const result = outcome.result;
  if (!result) return `${slug}: no retention policy, nothing to do`;
  const verb = result.mode === "delete" ? "deleted" : "anonymised";
  return (
    `${slug}: ${result.events.toLocaleString("en")} events before ${result.cutoff.toISOString()} ${verb}, ` +
    `${result.customers.toLocaleString("en")} customers concerned, ` +
    `${result.customersRemoved.toLocaleString("en")} left without events and removed`
  );
}
