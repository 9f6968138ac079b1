import "server-only";

import type { PrismaClient, RetentionMode, Workspace } from "@/lib/generated/prisma/client";
import { retentionCutoff, retentionCutoffDate } from "@/lib/retention/cutoff";

import { countOldEvents } from "./old-events";

/** The last run that changed something, as its audit entry recorded it. */
export interface LastRetentionRun {
  at: Date;
  mode: RetentionMode;
  cutoff: Date;
  events: number;
  customers: number;
  customersRemoved: number;
  failed: boolean;
}

/** What the retention page shows: what the policy would do now, and what it last did. */
export interface RetentionStatus {
  /** Null without a policy. */
  preview: { cutoff: Date; cutoffDate: string; events: number } | null;
  /** When the job last ran (whether or not it found anything). */
  ranAt: Date | null;
  lastRun: LastRetentionRun | null;
}

export async function getRetentionStatus(
  prisma: PrismaClient,
  workspace: Pick<Workspace, "id" | "timeZone" | "retentionMonths" | "retentionMode" | "retentionRunAt">,
  now: Date,
): Promise<RetentionStatus> {
  const months = workspace.retentionMonths;
  const [preview, entry] = await Promise.all([
    months === null
      ? null
      : (async () => {
          const cutoff = retentionCutoff(now, months, workspace.timeZone);
          const events = await countOldEvents(prisma, workspace.id, cutoff, workspace.retentionMode);
          return { cutoff, cutoffDate: retentionCutoffDate(now, months, workspace.timeZone), events };
        })(),
    prisma.auditLog.findFirst({
      where: { workspaceId: workspace.id, action: "retention.run" },
      orderBy: { id: "desc" },
    }),
  ]);
  return { preview, ranAt: workspace.retentionRunAt, lastRun: entry ? lastRunOf(entry) : null };
}

function lastRunOf(entry: { createdAt: Date; details: unknown }): LastRetentionRun {
  const details = (entry.details ?? {}) as Record<string, unknown>;
  const count = (key: string) => (typeof details[key] === "number" ? (details[key] as number) : 0);
  return {
    at: entry.createdAt,
    mode: details.mode === "anonymise" ? "anonymise" : "delete",
    cutoff: new Date(String(details.cutoff)),
    events: count("events"),
    customers: count("customers"),
    customersRemoved: count("customersRemoved"),
    failed: details.failed === true,
  };
}
