import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { CustomerSearchForm } from "@/components/customers/customer-search-form";
import { CustomerTable } from "@/components/customers/customer-table";
import { DrillFilterNotice } from "@/components/customers/drill-filter-notice";
import { PageLinks } from "@/components/customers/page-links";
import { DashboardQueryProvider } from "@/components/metrics/dashboard-query";
import { PeriodDescription } from "@/components/metrics/period-description";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { SegmentFilter } from "@/lib/metrics/segment";
import { listCustomers } from "@/lib/server/customers/list-customers";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";
import { getPrisma } from "@/lib/server/db";
import { getUsableSegmentDefinition } from "@/lib/server/segments/saved-segments";
import { CUSTOMERS_PER_PAGE, customerListParams } from "@/lib/url-state/customer-list-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customers"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The customer list: search by id, the global segment and a drill-down filter, 50 a page.
export default async function CustomersPage({ params, searchParams }: Props) {
  const search = await searchParams;
  const page = await loadDashboardPage((await params).workspace, search, "viewCustomers");
  const { access, window, query } = page;
  const t = await getTranslations("customers");
  const parsed = customerListParams.safeParse(search);
  const {
    q,
    page: pageNumber,
    filter,
  } = parsed.success ? parsed.data : { q: undefined, page: 1, filter: undefined };
  const filterError = parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join("; ");
  const prisma = await getPrisma();
  const conditions: SegmentFilter[] = [];
  if (query.segmentId !== null) {
    conditions.push(
      await getUsableSegmentDefinition(prisma, access.workspace.id, query.segmentId, access.user?.id ?? null),
    );
  }
  if (filter) conditions.push(filter);
  const list = await listCustomers(prisma, {
    workspaceId: access.workspace.id,
    from: window.from,
    to: window.to,
    channel: query.channel,
    timeZone: query.timeZone,
    frequencyCap: access.workspace.frequencyCap,
    segment: conditions.length === 0 ? null : conditions.length === 1 ? conditions[0] : { and: conditions },
    search: q,
    limit: CUSTOMERS_PER_PAGE,
    offset: (pageNumber - 1) * CUSTOMERS_PER_PAGE,
  });
  const pages = Math.max(1, Math.ceil(list.total / CUSTOMERS_PER_PAGE));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("description")} <PeriodDescription window={window} timeZone={query.timeZone} />
          </>
        }
      />
      <DashboardQueryProvider value={query}>
        <div className="space-y-4">
          <CustomerSearchForm query={q ?? ""} />
          <DrillFilterNotice filter={filter ?? null} error={filterError} />
          {list.rows.length === 0 ? (
            <EmptyState title={t("noCustomers")}>
              <p>{t("noCustomersBody")}</p>
            </EmptyState>
          ) : (
            <>
              <p className="text-sm text-slate-600" data-testid="customer-count" data-total={list.total}>
                {t("countLine", { total: list.total, page: pageNumber, pages })}
              </p>
              <CustomerTable rows={list.rows} />
              <PageLinks page={pageNumber} pages={pages} />
            </>
          )}
        </div>
      </DashboardQueryProvider>
    </>
  );
}
