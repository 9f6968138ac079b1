import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { RetentionForm } from "@/components/settings/retention/retention-form";
import {
  RetentionStatusPanel,
  RetentionStatusSkeleton,
} from "@/components/settings/retention/retention-status-panel";
import { SettingsHeading } from "@/components/settings/settings-heading";
import { authorizePage } from "@/lib/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retention"))("title") };
}

type Props = { params: Promise<{ workspace: string }> };

// Admins set how long the workspace keeps events, see what the policy affects now, and run it.
export default async function RetentionPage({ params }: Props) {
  const { workspace } = await authorizePage((await params).workspace, "administer");
  const now = new Date();
  const t = await getTranslations("retention");
  return (
    <div className="space-y-6">
      <SettingsHeading title={t("title")} intro={t("intro", { workspace: workspace.name })} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <RetentionForm
          slug={workspace.slug}
          timeZone={workspace.timeZone}
          months={workspace.retentionMonths}
          mode={workspace.retentionMode}
        />
        <Suspense fallback={<RetentionStatusSkeleton />}>
          <RetentionStatusPanel workspace={workspace} now={now} />
        </Suspense>
      </div>
    </div>
  );
}
