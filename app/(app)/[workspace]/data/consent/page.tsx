import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ConsentLedgerFilters } from "@/components/consent/consent-ledger-filters";
import { ConsentLedgerSection, ConsentLedgerSkeleton } from "@/components/consent/consent-ledger-section";
import { ConsentRatesTile } from "@/components/consent/consent-rates-tile";
import { DashboardQueryProvider } from "@/components/metrics/dashboard-query";
import { PeriodDescription } from "@/components/metrics/period-description";
import { DateRangePicker } from "@/components/shell/date-range-picker";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";
import { loadConsentLedgerParams } from "@/lib/url-state/consent-ledger-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("consent"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The consent ledger: consent rates per channel week by week, and every grant, withdrawal,
// unsubscribe and complaint (customer-level: roles that may see customers).
export default async function ConsentPage({ params, searchParams }: Props) {
  const search = await searchParams;
  const { access, anchorDate, window, query } = await loadDashboardPage(
    (await params).workspace,
    search,
    "viewCustomers",
  );
  const { workspace } = access;
  const ledger = loadConsentLedgerParams(search);
  const customer = ledger.customer?.trim().slice(0, 128) || undefined;
  const filter = {
    customerId: customer,
    channel: ledger.channel ?? undefined,
    type: ledger.type ?? undefined,
  };
  const page = ledger.page !== null && ledger.page >= 1 && ledger.page <= 100_000 ? ledger.page : 1;
  const t = await getTranslations("consent");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link
            href={`/${workspace.slug}/data`}
            className="text-sm font-medium text-brand underline underline-offset-2"
          >
            {t("backToData")}
          </Link>
        }
      />
      <DashboardQueryProvider value={query}>
        <div className="space-y-8">
          <section aria-labelledby="consent-rates-heading" className="space-y-3">
            <h2 id="consent-rates-heading" className="sr-only">
              {t("rates.title")}
            </h2>
            <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
              <DateRangePicker anchorDate={anchorDate} />
              <PeriodDescription window={window} timeZone={query.timeZone} />
            </div>
            <ConsentRatesTile />
          </section>
          <section aria-labelledby="consent-ledger-heading" className="space-y-4">
            <div>
              <h2 id="consent-ledger-heading" className="text-lg font-semibold text-slate-900">
                {t("ledger.title")}
              </h2>
              <p className="mt-1 max-w-prose text-sm text-slate-600">{t("ledger.intro")}</p>
            </div>
            <ConsentLedgerFilters />
            <Suspense key={JSON.stringify({ filter, page })} fallback={<ConsentLedgerSkeleton />}>
              <ConsentLedgerSection workspace={workspace} filter={filter} page={page} />
            </Suspense>
          </section>
        </div>
      </DashboardQueryProvider>
    </>
  );
}
