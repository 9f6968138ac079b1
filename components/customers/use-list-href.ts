"use client";

import { useSearchParams } from "next/navigation";

/**
 * An href on the current page with some search params changed (null removes one), keeping
 * the rest — the dashboard filters above all.
 */
export function useListHref() {
  const search = useSearchParams();
  return (changes: Record<string, string | null>, pathname = "") => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    const query = params.toString();
    return `${pathname}${query ? `?${query}` : pathname ? "" : "?"}`;
  };
}
