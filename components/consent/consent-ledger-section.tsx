import "server-only";

import { getTranslations } from "next-intl/server";

import { EmptyState } from "@/components/ui/empty-state";
import { PagerLinks } from "@/components/ui/pager-links";
import { Skeleton } from "@/components/ui/skeleton";
import { type LedgerFilter, listConsentLedger } from "@/lib/server/consent/list-consent-ledger";
import { getPrisma } from "@/lib/server/db";

import { ConsentLedgerTable } from "./consent-ledger-table";

/** One page of the filtered ledger with its page links, or the empty state. */
export async function ConsentLedgerSection({
  workspace,
  filter,
  page,
}: {
  workspace: { id: number; slug: string; timeZone: string };
  filter: LedgerFilter;
  page: number;
}) {
  const [{ rows, hasMore }, t] = await Promise.all([
    getPrisma().then((prisma) => listConsentLedger(prisma, workspace.id, filter, page)),
    getTranslations("consent"),
  ]);
  if (rows.length === 0) {
    const filtered = Object.values(filter).some((value) => value !== undefined) || page > 1;
    return (
      <EmptyState title={t(filtered ? "ledger.filteredEmptyTitle" : "ledger.emptyTitle")}>
        <p>{t(filtered ? "ledger.filteredEmptyBody" : "ledger.emptyBody")}</p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <ConsentLedgerTable rows={rows} slug={workspace.slug} timeZone={workspace.timeZone} />
      <PagerLinks
        page={page}
        hasMore={hasMore}
        labels={{
          nav: t("ledger.pagination"),
          previous: t("ledger.previous"),
          next: t("ledger.next"),
          page: t("ledger.pageLine", { page }),
        }}
      />
    </div>
  );
}

export async function ConsentLedgerSkeleton() {
  const t = await getTranslations("consent");
  return (
    <div aria-busy="true" aria-label={t("ledger.loading")} className="space-y-2">
      {[0, 1, 2, 3, 4].map((i) => (
        <Skeleton key={i} className="h-10" />
      ))}
    </div>
  );
}
