import { AppShell } from "@/components/shell/app-shell";
import { authorizePage } from "@/lib/server/auth/guard";
import { getAnchorDate } from "@/lib/server/workspaces/get-anchor-date";
import { listUserWorkspaces } from "@/lib/server/workspaces/list-user-workspaces";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const access = await authorizePage(slug, "viewDashboards");
  const [workspaces, { anchorDate }] = await Promise.all([
    listUserWorkspaces(access.user!.id),
    getAnchorDate(access.workspace),
  ]);
  return (
    <AppShell
      workspace={{ slug: access.workspace.slug, name: access.workspace.name }}
      workspaces={workspaces}
      role={access.role}
      anchorDate={anchorDate}
      user={{ email: access.user!.email, name: access.user!.name }}
    >
      {children}
    </AppShell>
  );
}
