import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { FrequencyTiles } from "@/components/frequency/frequency-tiles";
import { DashboardQueryProvider } from "@/components/metrics/dashboard-query";
import { PeriodDescription } from "@/components/metrics/period-description";
import { NoDataYet } from "@/components/overview/no-data-yet";
import { PageHeader } from "@/components/ui/page-header";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("frequency"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Contact frequency: distribution, saturation and fatigue, pressure by week, opt-out violations.
export default async function FrequencyPage({ params, searchParams }: Props) {
  const page = await loadDashboardPage((await params).workspace, await searchParams);
  if (!page.hasData) return <NoDataYet />;
  const t = await getTranslations("frequency");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={<PeriodDescription window={page.window} timeZone={page.query.timeZone} />}
      />
      <DashboardQueryProvider value={page.query}>
        <FrequencyTiles />
      </DashboardQueryProvider>
    </>
  );
}
