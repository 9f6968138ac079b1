import type { SavedSegment } from "@/lib/schemas/segment";

/** What one side of the comparison is: every customer, the builder's segment, or a saved one. */
export type CompareChoice = "all" | "builder" | `saved-${number}`;

export interface CompareOption {
  value: CompareChoice;
  /** The segment's name, or null for the two built-in choices (named by the UI). */
  name: string | null;
  params: { segment?: string; segmentId?: string };
}

/** The choices on offer: saved segments that still validate, everyone, and the builder's when it has conditions. */
export function compareOptions(saved: SavedSegment[], builderJson: string): CompareOption[] {
  return [
    ...saved
      .filter((segment) => segment.definition !== null)
      .map((segment) => ({
        value: `saved-${segment.id}` as const,
        name: segment.name,
        params: { segmentId: String(segment.id) },
      })),
    { value: "all", name: null, params: {} },
    ...(builderJson ? [{ value: "builder" as const, name: null, params: { segment: builderJson } }] : []),
  ];
}
