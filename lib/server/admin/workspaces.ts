import "server-only";

import type { PrismaClient, Workspace } from "@/lib/generated/prisma/client";
import { type WorkspaceInput, workspaceInput } from "@/lib/schemas/admin";
import { AppError } from "@/lib/server/errors";

export async function createWorkspace(prisma: PrismaClient, input: WorkspaceInput): Promise<Workspace> {
  const data = workspaceInput.parse(input);
  const existing = await prisma.workspace.findUnique({ where: { slug: data.slug } });
  if (existing) throw new AppError("conflict", `A workspace with slug "${data.slug}" already exists.`);
  return prisma.workspace.create({ data });
}

export async function listWorkspaces(prisma: PrismaClient) {
  return prisma.workspace.findMany({
    orderBy: { slug: "asc" },
    include: { _count: { select: { memberships: true, customers: true } } },
  });
}

export async function getWorkspaceBySlugOrThrow(prisma: PrismaClient, slug: string): Promise<Workspace> {
  const workspace = await prisma.workspace.findUnique({ where: { slug } });
  if (!workspace) throw new AppError("not_found", `No workspace with slug "${slug}".`);
  return workspace;
}
