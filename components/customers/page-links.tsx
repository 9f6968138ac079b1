"use client";

import { useTranslations } from "next-intl";

import { Link } from "@/components/ui/link";

import { useListHref } from "./use-list-href";

/** Previous and next page links of the customer list. */
export function PageLinks({ page, pages }: { page: number; pages: number }) {
  const t = useTranslations("customers");
  const href = useListHref();
  const link =
    "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <nav aria-label={t("pagination")} className="flex gap-2">
      {page > 1 ? (
        <Link href={href({ page: page === 2 ? null : String(page - 1) })} className={link} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      {page < pages ? (
        <Link href={href({ page: String(page + 1) })} className={link} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
