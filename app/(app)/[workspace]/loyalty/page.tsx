import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { LoyaltyPeriodDescription } from "@/components/loyalty/loyalty-period-description";
import { LoyaltyTiles } from "@/components/loyalty/loyalty-tiles";
import { loyaltyQuery } from "@/components/loyalty/loyalty-window";
import { DashboardQueryProvider } from "@/components/metrics/dashboard-query";
import { NoDataYet } from "@/components/overview/no-data-yet";
import { PageHeader } from "@/components/ui/page-header";
import { LOYALTY_PAGE_METRICS } from "@/lib/metrics/page-metrics";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";
import { warmPageMetrics } from "@/lib/server/dashboard/warm-page-metrics";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("loyalty"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Loyalty health for executives: the index and its parts, its trend, repeat purchase and risk,
// cohort retention and loyalty by contact pressure — over the year ending on the range's last day.
export default async function LoyaltyPage({ params, searchParams }: Props) {
  const page = await loadDashboardPage((await params).workspace, await searchParams);
  const t = await getTranslations("loyalty");
  if (!page.hasData) return <NoDataYet title={t("title")} />;
  const { timeZone } = page.query;
  const { window, query } = loyaltyQuery(page.window, page.query);
  warmPageMetrics(page.access, query, LOYALTY_PAGE_METRICS);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={<LoyaltyPeriodDescription window={window} timeZone={timeZone} />}
      />
      <DashboardQueryProvider value={query}>
        <LoyaltyTiles />
      </DashboardQueryProvider>
    </>
  );
}
