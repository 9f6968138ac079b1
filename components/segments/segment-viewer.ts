import type { SavedSegment } from "@/lib/schemas/segment";

/** Who looks at the Segments page: enough to know which saved segments they may change. */
export interface SegmentViewer {
  workspace: string;
  userId: string;
  isAdmin: boolean;
}

/** The owner changes or deletes a segment; an admin also shared ones (lib/server/segments). */
export function canEditSegment(viewer: SegmentViewer, segment: SavedSegment): boolean {
  return segment.ownerId === viewer.userId || (viewer.isAdmin && segment.shared);
}
