import { redirect } from "next/navigation";

import { EmptyState } from "@/components/ui/empty-state";
import { getSessionUser } from "@/lib/server/auth/guard";
import { listUserWorkspaces } from "@/lib/server/workspaces/list-user-workspaces";

// "/" — sends a signed-in user to their first workspace's overview.
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const workspaces = await listUserWorkspaces(user.id);
  if (workspaces.length > 0) redirect(`/${workspaces[0].slug}/overview`);
  return (
    <main className="mx-auto max-w-xl px-4 py-24">
      <EmptyState title="You are not a member of any workspace yet">
        Ask an admin of your organisation to add you, or create one with{" "}
        <code>npm run admin -- workspace create</code>.
      </EmptyState>
    </main>
  );
}
