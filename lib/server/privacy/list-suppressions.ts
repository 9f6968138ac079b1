import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface SuppressionEntry {
  customerHash: string;
  mode: string;
  createdAt: Date;
  /** Who asked for the erasure and who lifted it: a name or e-mail, null when unknown. */
  createdBy: string | null;
  liftedAt: Date | null;
  liftedBy: string | null;
}

/** The workspace's suppression list, newest erasure first, with the names of who acted. */
export async function listSuppressions(
  prisma: PrismaClient,
  workspaceId: number,
): Promise<SuppressionEntry[]> {
  const entries = await prisma.suppressedCustomer.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { customerHash: "asc" }],
  });
  const userIds = [
    ...new Set(entries.flatMap((entry) => [entry.createdById, entry.liftedById]).filter((id) => id !== null)),
  ];
  const users = await prisma.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true },
  });
  const nameOf = new Map(users.map((user) => [user.id, user.name ?? user.email]));
  const name = (id: string | null) => (id === null ? null : (nameOf.get(id) ?? null));
  return entries.map((entry) => ({
    customerHash: entry.customerHash,
    mode: entry.mode,
    createdAt: entry.createdAt,
    createdBy: name(entry.createdById),
    liftedAt: entry.liftedAt,
    liftedBy: name(entry.liftedById),
  }));
}
