"use client";

import { useEffect, useState } from "react";

import { afterPageLoad } from "@/components/ui/after-page-load";

/**
 * The segment language's own schemas, as the builder checks conditions with them. They hold
 * zod, so they are fetched once the page has loaded rather than with it; until then the
 * builder shows its conditions unchecked.
 */
export interface SegmentSchemas {
  leaves: typeof import("@/lib/metrics/segment").SEGMENT_LEAF_SCHEMAS;
  definition: typeof import("@/lib/metrics/segment").segmentDefinition;
  name: (typeof import("@/lib/schemas/segment").segmentInput)["shape"]["name"];
}

const load = (): Promise<SegmentSchemas> =>
  Promise.all([import("@/lib/metrics/segment"), import("@/lib/schemas/segment")]).then(
    ([language, input]) => ({
      leaves: language.SEGMENT_LEAF_SCHEMAS,
      definition: language.segmentDefinition,
      name: input.segmentInput.shape.name,
    }),
  );

let loading: Promise<SegmentSchemas> | null = null;
let loaded: SegmentSchemas | null = null;

/** The schemas, fetched once (after the page's load event, or at once when asked later). */
export function loadSegmentSchemas(): Promise<SegmentSchemas> {
  loading ??= (afterPageLoad(load) ?? load()).then(
    (schemas) => (loaded = schemas),
    (error: unknown) => {
      loading = null; // the next call tries again
      throw error;
    },
  );
  return loading;
}

/** The schemas once they are here; null before. */
export function useSegmentSchemas(): SegmentSchemas | null {
  const [schemas, setSchemas] = useState(loaded);
  useEffect(() => {
    if (schemas) return;
    let live = true;
    loadSegmentSchemas().then(
      (arrived) => live && setSchemas(arrived),
      () => undefined, // offline: the conditions stay unchecked, and saving tries again
    );
    return () => {
      live = false;
    };
  }, [schemas]);
  return schemas;
}
