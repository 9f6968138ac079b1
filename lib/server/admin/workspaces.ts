import "server-only";

import type { Prisma, PrismaClient, Workspace } from "@/lib/generated/prisma/client";
import {
  type WorkspaceInput,
  workspaceInput,
  type WorkspaceSettingsInput,
  workspaceSettingsInput,
} from "@/lib/schemas/admin";
import { recordAudit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";

/** Creates a workspace and records `workspace.create` with it. */
export async function createWorkspace(
  prisma: PrismaClient,
  input: WorkspaceInput,
  actorId: string | null = null,
): Promise<Workspace> {
  const data = workspaceInput.parse(input);
  const existing = await prisma.workspace.findUnique({ where: { slug: data.slug } });
  if (existing) throw new AppError("conflict", `A workspace with slug "${data.slug}" already exists.`);
  return prisma.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({ data });
    await recordAudit(
      {
        action: "workspace.create",
        workspaceId: workspace.id,
        userId: actorId,
        targetType: "workspace",
        targetId: workspace.slug,
        details: { ...data },
      },
      tx,
    );
    return workspace;
  });
}

/**
 * Changes a workspace's general settings (name, time zone, currency, language, frequency cap)
 * and records `settings.change` with each changed field's old and new value. Values equal to
 * the stored ones are no change: nothing is written and nothing recorded.
 */
export async function updateWorkspaceSettings(
  prisma: PrismaClient,
  workspaceId: number,
  input: WorkspaceSettingsInput,
  actorId: string | null = null,
): Promise<Workspace> {
  const data = workspaceSettingsInput.parse(input);
  return prisma.$transaction(async (tx) => {
    const current = await tx.workspace.findUnique({ where: { id: workspaceId } });
    if (!current) throw new AppError("not_found", `No workspace ${workspaceId}.`);
    const changes: Record<string, { from: Prisma.InputJsonValue; to: Prisma.InputJsonValue }> = {};
    for (const [field, value] of Object.entries(data) as [keyof typeof data, string | number][]) {
      if (value !== undefined && current[field] !== value)
        changes[field] = { from: current[field], to: value };
    }
    if (Object.keys(changes).length === 0) return current;
    const updated = await tx.workspace.update({ where: { id: workspaceId }, data });
    await recordAudit(
      {
        action: "settings.change",
        workspaceId,
        userId: actorId,
        targetType: "workspace",
        targetId: current.slug,
        details: { changes },
      },
      tx,
    );
    return updated;
  });
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
