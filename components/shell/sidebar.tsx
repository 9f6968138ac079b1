"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

import { Link } from "@/components/ui/link";
import type { Role } from "@/lib/auth/permissions";

import { navItemsFor } from "./nav-items";

/** Main navigation. Links keep the current filters (date range, channel) in the URL. */
export function Sidebar({ slug, role }: { slug: string; role: Role }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav aria-label={t("main")} className="flex flex-col gap-0.5 px-3">
      {navItemsFor(role).map((item) => {
        const base = `/${slug}/${item.segment}`;
        const href = `/${slug}/${item.landing ?? item.segment}`;
        const active = pathname === base || pathname.startsWith(`${base}/`);
        return (
          <Link
            key={item.segment}
            href={search ? `${href}?${search}` : href}
            aria-current={active ? "page" : undefined}
            className={`rounded-lg px-3 py-2 text-sm font-medium ${
              active ? "bg-brand-soft text-brand" : "text-slate-700 hover:bg-slate-100"
            }`}
          >
            {t(item.label)}
          </Link>
        );
      })}
    </nav>
  );
}
