"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

import type { WorkspaceSummary } from "@/lib/server/workspaces/list-user-workspaces";

/** Shows the current workspace; a user with several can switch between them. */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: string;
  workspaces: WorkspaceSummary[];
}) {
  const t = useTranslations("nav");
  const router = useRouter();
  if (workspaces.length <= 1) {
    return <span className="text-sm font-semibold text-slate-800">{workspaces[0]?.name}</span>;
  }
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("workspace")}</span>
      <select
        value={current}
        onChange={(event) => router.push(`/${event.target.value}/overview`)}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm font-semibold"
      >
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}
