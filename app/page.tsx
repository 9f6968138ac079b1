import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { EmptyState } from "@/components/ui/empty-state";
import { getSessionUser } from "@/lib/server/auth/guard";
import { listUserWorkspaces } from "@/lib/server/workspaces/list-user-workspaces";

// "/" — sends a signed-in user to the overview of the workspace they joined first.
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const workspaces = await listUserWorkspaces(user.id);
  const first = workspaces.toSorted((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())[0];
  if (first) redirect(`/${first.slug}/overview`);
  const t = await getTranslations("errors.noWorkspace");
  return (
    <main className="mx-auto max-w-xl px-4 py-24">
      <EmptyState title={t("title")}>
        {t.rich("body", {
          command: "npm run admin -- workspace create",
          code: (chunks) => <code>{chunks}</code>,
        })}
      </EmptyState>
    </main>
  );
}
