import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ApiKeyTable, ApiKeyTableSkeleton } from "@/components/settings/api-key-table";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { SettingsHeading } from "@/components/settings/settings-heading";
import { authorizePage } from "@/lib/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("apiKeys.title") };
}

type Props = { params: Promise<{ workspace: string }> };

// Admins create and revoke the workspace's API keys for the batch and read APIs.
export default async function ApiKeysPage({ params }: Props) {
  const { workspace } = await authorizePage((await params).workspace, "administer");
  const now = new Date();
  const t = await getTranslations("settings.apiKeys");
  return (
    <div className="space-y-6">
      <SettingsHeading title={t("title")} intro={t("intro", { workspace: workspace.name })} />
      <CreateApiKeyForm slug={workspace.slug} />
      <Suspense fallback={<ApiKeyTableSkeleton />}>
        <ApiKeyTable workspace={workspace} now={now} />
      </Suspense>
    </div>
  );
}
