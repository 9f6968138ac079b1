import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RetentionPolicyInput } from "@/lib/schemas/retention";
import { recordAudit } from "@/lib/server/audit";

/**
 * Sets a workspace's retention policy, with its audit entry (`settings.retention`, the old and
 * the new values) in the same transaction. Saving the policy in force changes nothing and is
 * not recorded. Returns whether anything changed.
 */
export async function updateRetentionPolicy(
  prisma: PrismaClient,
  workspaceId: number,
  policy: RetentionPolicyInput,
  userId: string | null,
): Promise<{ changed: boolean }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { retentionMonths: true, retentionMode: true },
    });
    const before = { months: current.retentionMonths, mode: current.retentionMode };
    if (before.months === policy.months && before.mode === policy.mode) return { changed: false };
    await tx.workspace.update({
      where: { id: workspaceId },
      data: { retentionMonths: policy.months, retentionMode: policy.mode },
    });
    await recordAudit(
      {
        action: "settings.retention",
        workspaceId,
        userId,
        targetType: "workspace",
        targetId: String(workspaceId),
        details: { before, after: { months: policy.months, mode: policy.mode } },
      },
      tx,
    );
    return { changed: true };
  });
}
