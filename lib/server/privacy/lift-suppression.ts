import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";

export type LiftOutcome = { status: "lifted"; liftedAt: Date } | { status: "already_lifted"; liftedAt: Date };

/**
 * Lifts a suppression: events of the customer are accepted again from now on. With its audit
 * entry (`dsr.suppression_lift`) in the same transaction; lifting a lifted entry changes
 * nothing and is not recorded. An entry of another workspace is not found.
 */
export async function liftSuppression(
  prisma: PrismaClient,
  workspaceId: number,
  customerHash: string,
  userId: string | null,
): Promise<LiftOutcome> {
  return prisma.$transaction(async (tx) => {
    const where = { workspaceId_customerHash: { workspaceId, customerHash } };
    const entry = await tx.suppressedCustomer.findUnique({ where });
    if (!entry) throw new AppError("not_found", "No such entry on this workspace's suppression list.");
    if (entry.liftedAt) return { status: "already_lifted", liftedAt: entry.liftedAt };
    const liftedAt = new Date();
    await tx.suppressedCustomer.update({ where, data: { liftedAt, liftedById: userId } });
    await recordAudit(
      {
        action: "dsr.suppression_lift",
        workspaceId,
        userId,
        targetType: "customer",
        targetId: customerHash,
        details: { mode: entry.mode, erasedAt: entry.createdAt.toISOString() },
      },
      tx,
    );
    return { status: "lifted", liftedAt };
  });
}
