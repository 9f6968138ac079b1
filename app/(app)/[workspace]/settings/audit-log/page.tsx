import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { AuditLogFilters } from "@/components/audit/audit-log-filters";
import { AuditLogSection, AuditLogSkeleton } from "@/components/audit/audit-log-section";
import { buttonStyles } from "@/components/ui/button-styles";
import { auditLogExportHref, auditLogFilterOf } from "@/lib/audit/audit-log-filter-of";
import { listAuditUsers } from "@/lib/server/audit/list-audit-log";
import { authorizePage } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { loadAuditLogParams } from "@/lib/url-state/audit-log-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Admins read the workspace's audit log, filtered by action, person and period, and export it as CSV.
export default async function AuditLogPage({ params, searchParams }: Props) {
  const { workspace } = await authorizePage((await params).workspace, "administer");
  const urlState = loadAuditLogParams(await searchParams);
  const filter = auditLogFilterOf(urlState);
  const page = urlState.page !== null && urlState.page >= 1 && urlState.page <= 100_000 ? urlState.page : 1;
  const [t, users] = await Promise.all([
    getTranslations("audit"),
    getPrisma().then((prisma) => listAuditUsers(prisma, workspace.id)),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
          <p className="mt-1 max-w-prose text-sm text-slate-600">
            {t("intro", { workspace: workspace.name })}
          </p>
          <p className="mt-1 max-w-prose text-sm text-slate-600">{t("scopeNote")}</p>
        </div>
        <div className="max-w-xs text-right">
          <a
            href={auditLogExportHref(workspace.slug, filter)}
            download
            className={buttonStyles.secondary}
            data-testid="audit-log-export"
          >
            {t("exportCsv")}
          </a>
          <p className="mt-1 text-xs text-slate-600">{t("exportHint")}</p>
        </div>
      </div>
      <AuditLogFilters users={users} />
      <Suspense key={JSON.stringify({ filter, page })} fallback={<AuditLogSkeleton />}>
        <AuditLogSection workspace={workspace} filter={filter} page={page} />
      </Suspense>
    </div>
  );
}
