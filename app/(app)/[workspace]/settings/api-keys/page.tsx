import type { Metadata } from "next";
import { Suspense } from "react";

import { ApiKeyTable, ApiKeyTableSkeleton } from "@/components/settings/api-key-table";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { authorizePage } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "API keys" };

type Props = { params: Promise<{ workspace: string }> };

// Admins create and revoke the workspace's API keys for the batch and read APIs.
export default async function ApiKeysPage({ params }: Props) {
  const { workspace } = await authorizePage((await params).workspace, "administer");
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">API keys</h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          Keys let other systems send events to {workspace.name} or read its aggregate numbers. A key acts
          only in this workspace and only within its scopes.
        </p>
      </div>
      <CreateApiKeyForm slug={workspace.slug} />
      <Suspense fallback={<ApiKeyTableSkeleton />}>
        <ApiKeyTable workspace={workspace} now={now} />
      </Suspense>
    </div>
  );
}
