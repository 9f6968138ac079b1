"use server";

import { revalidatePath } from "next/cache";

import { segmentIdInput, segmentInput, segmentUpdateInput } from "@/lib/schemas/segment";
import { type Access, workspaceAction } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import {
  createSegment,
  deleteSegment,
  type SegmentActor,
  updateSegment,
} from "@/lib/server/segments/saved-segments";

const actor = (access: Access): SegmentActor => ({
  workspaceId: access.workspace.id,
  userId: access.user?.id ?? null,
  isAdmin: access.role === "admin",
});
const segmentsPath = (slug: string) => `/${slug}/segments`;

// Saves a new segment, private to its owner unless shared (managers, analysts, admins).
export const createSegmentAction = workspaceAction("manageSegments", segmentInput, async (input, access) => {
  const segment = await createSegment(await getPrisma(), actor(access), input);
  revalidatePath(segmentsPath(access.workspace.slug));
  return { id: segment.id };
});

// Changes a saved segment's name, definition or sharing (its owner; an admin for shared ones).
export const updateSegmentAction = workspaceAction(
  "manageSegments",
  segmentUpdateInput,
  async (input, access) => {
    await updateSegment(await getPrisma(), actor(access), input);
    revalidatePath(segmentsPath(access.workspace.slug));
    return { id: input.id };
  },
);

// Deletes a saved segment (its owner; an admin for shared ones).
export const deleteSegmentAction = workspaceAction(
  "manageSegments",
  segmentIdInput,
  async ({ id }, access) => {
    await deleteSegment(await getPrisma(), actor(access), id);
    revalidatePath(segmentsPath(access.workspace.slug));
    return { id };
  },
);
