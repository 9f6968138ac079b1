import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { CustomerRequestForm } from "@/components/settings/privacy/customer-request-form";
import { SuppressionTable, SuppressionTableSkeleton } from "@/components/settings/privacy/suppression-table";
import { SettingsHeading } from "@/components/settings/settings-heading";
import { authorizePage } from "@/lib/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

type Props = { params: Promise<{ workspace: string }> };

// Admins answer data-subject requests: a customer's data as JSON, erasure, the suppression list.
export default async function PrivacyPage({ params }: Props) {
  const { workspace } = await authorizePage((await params).workspace, "administer");
  const t = await getTranslations("privacy");
  return (
    <div className="space-y-6">
      <SettingsHeading title={t("title")} intro={t("intro", { workspace: workspace.name })} />
      <CustomerRequestForm slug={workspace.slug} />
      <section aria-labelledby="suppression-title" className="space-y-3">
        <div>
          <h3 id="suppression-title" className="text-base font-semibold text-slate-900">
            {t("suppression.title")}
          </h3>
          <p className="mt-1 max-w-prose text-sm text-slate-600">{t("suppression.intro")}</p>
        </div>
        <Suspense fallback={<SuppressionTableSkeleton />}>
          <SuppressionTable workspace={workspace} />
        </Suspense>
      </section>
    </div>
  );
}
