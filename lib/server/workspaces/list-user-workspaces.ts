import "server-only";

import type { Role } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/server/db";

export interface WorkspaceSummary {
  slug: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

/** The workspaces a user belongs to, by name. */
export async function listUserWorkspaces(userId: string): Promise<WorkspaceSummary[]> {
  const prisma = await getPrisma();
  const memberships = await prisma.membership.findMany({
    where: { userId },
    include: { workspace: { select: { slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({
    slug: m.workspace.slug,
    name: m.workspace.name,
    role: m.role,
    joinedAt: m.createdAt,
  }));
}
