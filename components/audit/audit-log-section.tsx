import "server-only";

import { getTranslations } from "next-intl/server";

import { EmptyState } from "@/components/ui/empty-state";
import { PagerLinks } from "@/components/ui/pager-links";
import { Skeleton } from "@/components/ui/skeleton";
import type { AuditLogFilter } from "@/lib/schemas/audit";
import { listAuditLog } from "@/lib/server/audit/list-audit-log";
import { getPrisma } from "@/lib/server/db";

import { AuditLogTable } from "./audit-log-table";

/** One page of the filtered log with its page links, or the empty state. */
export async function AuditLogSection({
  workspace,
  filter,
  page,
}: {
  workspace: { id: number; timeZone: string };
  filter: AuditLogFilter;
  page: number;
}) {
  const [{ rows, hasMore }, t] = await Promise.all([
    getPrisma().then((prisma) => listAuditLog(prisma, workspace, filter, page)),
    getTranslations("audit"),
  ]);
  if (rows.length === 0) {
    const filtered = Object.values(filter).some((value) => value !== undefined) || page > 1;
    return (
      <EmptyState title={t(filtered ? "empty.filteredTitle" : "empty.title")}>
        <p>{t(filtered ? "empty.filteredBody" : "empty.body")}</p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <AuditLogTable rows={rows} timeZone={workspace.timeZone} />
      <PagerLinks
        page={page}
        hasMore={hasMore}
        labels={{
          nav: t("pagination"),
          previous: t("previous"),
          next: t("next"),
          page: t("pageLine", { page }),
        }}
      />
    </div>
  );
}

export async function AuditLogSkeleton() {
  const t = await getTranslations("audit");
  return (
    <div aria-busy="true" aria-label={t("loading")} className="space-y-2">
      {[0, 1, 2, 3, 4].map((i) => (
        <Skeleton key={i} className="h-12" />
      ))}
    </div>
  );
}
