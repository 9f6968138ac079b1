import { AppShell } from "@/components/shell/app-shell";
import { authorizePage } from "@/lib/server/auth/guard";
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
  const workspaces = await listUserWorkspaces(access.user!.id);
  return (
    <AppShell
      workspace={{ slug: access.workspace.slug, name: access.workspace.name }}
      workspaces={workspaces}
      role={access.role}
      user={{ email: access.user!.email, name: access.user!.name }}
    >
      {children}
    </AppShell>
  );
}
