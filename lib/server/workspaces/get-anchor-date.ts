import "server-only";

import { cache } from "react";

import { zonedDate } from "@/lib/date-window";
import type { Workspace } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/server/db";

/** The latest activity of any customer; read once per server render (layout and page share it). */
const latestActivity = cache(async (workspaceId: number): Promise<Date | null> => {
  const prisma = await getPrisma();
  const latest = await prisma.customer.aggregate({
    where: { workspaceId },
    _max: { lastSeenAt: true },
  });
  return latest._max.lastSeenAt;
});

/**
 * The day default report windows end on: the day of the workspace's latest data, never after
 * today (METRICS.md: "asOf is now, or the latest event"). Read from customers' lastSeenAt,
 * which is far smaller than the event table.
 */
export async function getAnchorDate(
  workspace: Workspace,
  now = new Date(),
): Promise<{ anchorDate: string; hasData: boolean }> {
  const last = await latestActivity(workspace.id);
  const anchor = last && last < now ? last : now;
  return { anchorDate: zonedDate(anchor, workspace.timeZone), hasData: last !== null };
}
