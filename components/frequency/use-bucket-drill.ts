"use client";

import { useRouter } from "next/navigation";

import { useDrillHref } from "@/components/metrics/use-drill-href";

/**
 * Drill-down from a contacts-per-week bucket to its customers (every dashboard filter kept,
 * `overrides` replacing some): the link, and a navigation for clicks on chart bars. `enabled`
 * is false for roles that may not see customers; then both give nothing.
 */
export function useBucketDrill() {
  const router = useRouter();
  const drill = useDrillHref();
  const hrefOf = (bucket: string, overrides?: Record<string, string>) =>
    drill ? drill({ field: "frequencyBucket", op: "in", value: [bucket] }, overrides) : null;
  const open = drill
    ? (bucket: string, overrides?: Record<string, string>) => {
        const href = hrefOf(bucket, overrides);
        if (href) router.push(href);
      }
    : null;
  return { enabled: drill !== null, hrefOf, open };
}
