import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DashboardQueryProvider } from "@/components/metrics/dashboard-query";
import { PeriodDescription } from "@/components/metrics/period-description";
import { NoDataYet } from "@/components/overview/no-data-yet";
import { RelevanceTiles } from "@/components/relevance/relevance-tiles";
import { PageHeader } from "@/components/ui/page-header";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("relevance"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Relevance: how well contacts matched interest, send vs want per topic, campaigns, score calibration.
export default async function RelevancePage({ params, searchParams }: Props) {
  const page = await loadDashboardPage((await params).workspace, await searchParams);
  if (!page.hasData) return <NoDataYet />;
  const t = await getTranslations("relevance");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={<PeriodDescription window={page.window} timeZone={page.query.timeZone} />}
      />
      <DashboardQueryProvider value={page.query}>
        <RelevanceTiles />
      </DashboardQueryProvider>
    </>
  );
}
