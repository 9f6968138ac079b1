import { redirect } from "next/navigation";

import { authorizePage } from "@/lib/server/auth/guard";

type Props = { params: Promise<{ workspace: string }> };

// Settings opens on its first page; the check comes first so other roles get 403, not a redirect.
export default async function SettingsPage({ params }: Props) {
  const { workspace } = await authorizePage((await params).workspace, "administer");
  redirect(`/${workspace.slug}/settings/api-keys`);
}
