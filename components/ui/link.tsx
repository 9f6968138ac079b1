import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Next's Link without prefetching unless asked for. Every page of Resonans is rendered per
 * request; prefetching each link in view (the navigation alone holds seven, prefetched again
 * whenever the filters in the URL change) would queue server renders ahead of the page's own
 * metric requests, and the embedded database answers one query at a time.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
