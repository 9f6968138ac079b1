import "server-only";

import { zonedDate } from "@/lib/date-window";
import type { Workspace } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/server/db";

/**
 * The day default report windows end on: the day of the workspace's latest data, never after
 * today (METRICS.md: "asOf is now, or the latest event"). Read from customers' lastSeenAt,
 * which is far smaller than the event table.
 */
export async function getAnchorDate(
  workspace: Workspace,
  now = new Date(),
): Promise<{ anchorDate: string; hasData: boolean }> {
  const prisma = await getPrisma();
  const latest = await prisma.customer.aggregate({
    where: { workspaceId: workspace.id },
    _max: { lastSeenAt: true },
  });
  const last = latest._max.lastSeenAt;
  const anchor = last && last < now ? last : now;
  return { anchorDate: zonedDate(anchor, workspace.timeZone), hasData: last !== null };
}
