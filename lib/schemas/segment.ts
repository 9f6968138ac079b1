import { z } from "zod";

import { segmentDefinition } from "@/lib/metrics/segment";

/** A saved segment as a form sends it. */
export const segmentInput = z.strictObject({
  name: z.string().trim().min(1, "give the segment a name").max(80, "at most 80 characters"),
  definition: segmentDefinition,
  shared: z.boolean().default(false),
});
export type SegmentInput = z.infer<typeof segmentInput>;

export const segmentIdInput = z.strictObject({ id: z.number().int().positive() });

export const segmentUpdateInput = segmentInput.extend({ id: z.number().int().positive() });

/** A saved segment as the UI lists it. */
export interface SavedSegment {
  id: number;
  name: string;
  /** null when the stored definition no longer validates. */
  definition: z.infer<typeof segmentDefinition> | null;
  shared: boolean;
  ownerId: string | null;
  ownerName: string | null;
  updatedAt: string;
}
