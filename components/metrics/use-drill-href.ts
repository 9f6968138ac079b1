"use client";

import { useSearchParams } from "next/navigation";

import type { SegmentFilter } from "@/lib/metrics/segment";

import { useDashboardQuery } from "./dashboard-query";

/**
 * Drill-down: the customer list narrowed by a segment filter (a clicked bucket, a bar), with
 * every dashboard filter kept. Null for roles that may not see customers.
 */
export function useDrillHref():
  ((filter: SegmentFilter, overrides?: Record<string, string>) => string) | null {
  const { workspace, canViewCustomers } = useDashboardQuery();
  const search = useSearchParams();
  if (!canViewCustomers) return null;
  return (filter, overrides = {}) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(overrides)) params.set(key, value);
    // Explicit dates replace a preset range.
    if (overrides.from || overrides.to) params.delete("range");
    params.set("filter", JSON.stringify(filter));
    return `/${workspace}/customers?${params}`;
  };
}
