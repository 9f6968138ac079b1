"use client";

import { useSelectedLayoutSegment } from "next/navigation";
import { useTranslations } from "next-intl";

import { Link } from "@/components/ui/link";

/** The pages of Settings, in order, each with its own folder under app/(app)/[workspace]/settings/. */
const SETTINGS_PAGES = [
  { segment: "api-keys", label: "apiKeys.title" },
  { segment: "privacy", label: "nav.privacy" },
  { segment: "retention", label: "nav.retention" },
  { segment: "audit-log", label: "nav.auditLog" },
] as const;

/** Sub-navigation of Settings, under its heading. */
export function SettingsNav({ slug }: { slug: string }) {
  const t = useTranslations("settings");
  const current = useSelectedLayoutSegment();
  return (
    <nav aria-label={t("title")} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-6">
        {SETTINGS_PAGES.map((page) => {
          const active = current === page.segment;
          return (
            <li key={page.segment}>
              <Link
                href={`/${slug}/settings/${page.segment}`}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium ${
                  active
                    ? "border-brand text-brand"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {t(page.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
