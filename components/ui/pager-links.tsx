"use client";

import { useListHref } from "@/components/customers/use-list-href";
import { Link } from "@/components/ui/link";


import { buttonStyles } from "./button-styles";

/**
 * Previous and next links of a paged list (`?page=`, from 1), keeping every other search
 * param; nothing when there is one page.
 */
export function PagerLinks({
  page,
  hasMore,
  labels,
}: {
  page: number;
  hasMore: boolean;
  /** `page` is the current page's line, e.g. "Page 2". */
  labels: { nav: string; previous: string; next: string; page: string };
}) {
  const href = useListHref();
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label={labels.nav} className="flex items-center gap-3">
      {page > 1 ? (
        <Link
          href={href({ page: page === 2 ? null : String(page - 1) })}
          className={buttonStyles.secondary}
          rel="prev"
        >
          {labels.previous}
        </Link>
      ) : null}
      <span className="text-sm text-slate-600">{labels.page}</span>
      {hasMore ? (
        <Link href={href({ page: String(page + 1) })} className={buttonStyles.secondary} rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
