import "server-only";

import { cache } from "react";

import { zonedDate } from "@/lib/date-window";
import type { PrismaClient, Workspace } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/server/db";

/**
 * The latest activity of any customer of the workspace: from customers' lastSeenAt, which is
 * far smaller than the event table. null before any.
 */
export async function readLatestActivity(db: PrismaClient, workspaceId: number): Promise<Date | null> {
  const latest = await db.customer.aggregate({ where: { workspaceId }, _max: { lastSeenAt: true } });
  return latest._max.lastSeenAt;
}

/** Read once per server render (layout and page share it). */
const latestActivity = cache(async (workspaceId: number) =>
  readLatestActivity(await getPrisma(), workspaceId),
);

/**
 * The day default report windows end on: the day of the workspace's latest data, never after
 * today (METRICS.md: "asOf is now, or the latest event").
 */
export async function getAnchorDate(
  workspace: Workspace,
  now = new Date(),
): Promise<{ anchorDate: string; hasData: boolean }> {
  return anchorDateOf(await latestActivity(workspace.id), workspace.timeZone, now);
}

/** The anchor day for the latest activity `last` (null: none yet, today). */
export function anchorDateOf(
  last: Date | null,
  timeZone: string,
  now = new Date(),
): { anchorDate: string; hasData: boolean } {
  const anchor = last && last < now ? last : now;
  return { anchorDate: zonedDate(anchor, timeZone), hasData: last !== null };
}
