import "server-only";

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { segmentDefinition, type SegmentFilter } from "@/lib/metrics/segment";
import type { SavedSegment, SegmentInput } from "@/lib/schemas/segment";
import { AppError } from "@/lib/server/errors";

/** Who acts on saved segments: a member (user id) with or without the admin role. */
export interface SegmentActor {
  workspaceId: number;
  userId: string | null;
  isAdmin: boolean;
}

const visibleTo = (actor: SegmentActor): Prisma.SegmentWhereInput => ({
  workspaceId: actor.workspaceId,
  OR: [{ shared: true }, ...(actor.userId ? [{ ownerId: actor.userId }] : [])],
});

/** The segments a member may use: the workspace's shared ones and their own private ones, by name. */
export async function listSegments(prisma: PrismaClient, actor: SegmentActor): Promise<SavedSegment[]> {
  const rows = await prisma.segment.findMany({
    where: visibleTo(actor),
    include: { owner: { select: { name: true, email: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    // Validated on the way in; null only if the language changed under a stored definition.
    definition: segmentDefinition.safeParse(row.definition).data ?? null,
    shared: row.shared,
    ownerId: row.ownerId,
    ownerName: row.owner ? (row.owner.name ?? row.owner.email) : null,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function createSegment(prisma: PrismaClient, actor: SegmentActor, input: SegmentInput) {
  return prisma.segment.create({
    data: {
      workspaceId: actor.workspaceId,
      name: input.name,
      definition: input.definition,
      shared: input.shared,
      ownerId: actor.userId,
    },
  });
}

/** Changes a segment: its owner may, and an admin may change a shared one. */
export async function updateSegment(
  prisma: PrismaClient,
  actor: SegmentActor,
  input: SegmentInput & { id: number },
) {
  await findEditable(prisma, actor, input.id);
  return prisma.segment.update({
    where: { workspaceId_id: { workspaceId: actor.workspaceId, id: input.id } },
    data: { name: input.name, definition: input.definition, shared: input.shared },
  });
}

export async function deleteSegment(prisma: PrismaClient, actor: SegmentActor, id: number) {
  await findEditable(prisma, actor, id);
  await prisma.segment.delete({ where: { workspaceId_id: { workspaceId: actor.workspaceId, id } } });
}

async function findEditable(prisma: PrismaClient, actor: SegmentActor, id: number) {
  const segment = await prisma.segment.findFirst({ where: { ...visibleTo(actor), id } });
  if (!segment) throw new AppError("not_found", `No segment ${id} that you can see in this workspace.`);
  const owns = actor.userId !== null && segment.ownerId === actor.userId;
  if (!owns && !(actor.isAdmin && segment.shared)) {
    throw new AppError(
      "forbidden",
      "Only the segment's owner (or an admin, for a shared segment) can change it.",
    );
  }
  return segment;
}

/**
 * A saved segment's definition, if the user may use it (shared, or their own):
 * 404 otherwise, 409 when the stored definition no longer parses.
 */
export async function getUsableSegmentDefinition(
  prisma: Pick<PrismaClient, "segment">,
  workspaceId: number,
  id: number,
  userId: string | null,
): Promise<SegmentFilter> {
  const saved = await prisma.segment.findFirst({
    where: { workspaceId, id, OR: [{ shared: true }, ...(userId ? [{ ownerId: userId }] : [])] },
  });
  if (!saved)
    throw new AppError("not_found", `segmentId: no segment ${id} that you can use in this workspace`);
  const definition = segmentDefinition.safeParse(saved.definition);
  if (!definition.success) throw new AppError("conflict", `segmentId: segment ${id} is no longer valid`);
  return definition.data;
}
