"use client";

import { useQuery } from "@tanstack/react-query";

import type { SavedSegment } from "@/lib/schemas/segment";

/** TanStack Query keys of the saved segments, so that saving one refreshes every list of them. */
export const savedSegmentKeys = {
  all: ["saved-segments"] as const,
  workspace: (workspace: string) => ["saved-segments", workspace] as const,
};

async function fetchSavedSegments(workspace: string, signal: AbortSignal): Promise<SavedSegment[]> {
  const response = await fetch(`/api/workspaces/${encodeURIComponent(workspace)}/segments`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return ((await response.json()) as { segments: SavedSegment[] }).segments;
}

/**
 * The saved segments the signed-in member may use (shared ones and their own), by name. A list
 * the server rendered is shown until the fetched one arrives; it is not put in the cache, so a
 * component hydrating later (the header's picker) renders as it did on the server.
 */
export function useSavedSegments(workspace: string, rendered?: SavedSegment[]) {
  return useQuery({
    queryKey: savedSegmentKeys.workspace(workspace),
    queryFn: ({ signal }) => fetchSavedSegments(workspace, signal),
    placeholderData: rendered,
  });
}
