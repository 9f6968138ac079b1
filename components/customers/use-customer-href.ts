"use client";

import { useParams, useSearchParams } from "next/navigation";

/** The link to a customer's page, with the dashboard's filters kept (not the list's own search and page). */
export function useCustomerHref(): (customerId: string) => string {
  const { workspace } = useParams<{ workspace: string }>();
  const search = new URLSearchParams(useSearchParams());
  for (const key of ["q", "page", "filter"]) search.delete(key);
  const query = search.toString();
  return (customerId) =>
    `/${workspace}/customers/${encodeURIComponent(customerId)}${query ? `?${query}` : ""}`;
}
