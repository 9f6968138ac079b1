import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { Link } from "@/components/ui/link";
import type { Role } from "@/lib/auth/permissions";
import type { WorkspaceSummary } from "@/lib/server/workspaces/list-user-workspaces";

import { DashboardFilters } from "./dashboard-filters";
import { Sidebar } from "./sidebar";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** The signed-in frame: sidebar, header with workspace, date range and user menu. */
export async function AppShell({
  workspace,
  workspaces,
  role,
  anchorDate,
  user,
  children,
}: {
  workspace: { slug: string; name: string };
  workspaces: WorkspaceSummary[];
  role: Role;
  /** The day preset windows end on (the latest data): a custom range starts from it. */
  anchorDate: string;
  user: { email: string; name: string | null };
  children: React.ReactNode;
}) {
  const t = await getTranslations("nav");
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white py-5 md:block">
        <Link
          href={`/${workspace.slug}/overview`}
          className="mb-6 block px-6 text-xl font-semibold text-brand"
        >
          Resonans
        </Link>
        <Suspense>
          <Sidebar slug={workspace.slug} role={role} />
        </Suspense>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="border-b border-slate-200 bg-white px-6 py-3">
          <div className="flex items-center justify-between gap-3">
            <WorkspaceSwitcher current={workspace.slug} workspaces={workspaces} />
            <UserMenu user={user} role={role} />
          </div>
          <Suspense>
            <DashboardFilters anchorDate={anchorDate} />
          </Suspense>
        </header>
        <main id="main" className="flex-1 px-6 py-6">
          {children}
        </main>
      </div>
    </div>
  );
}
