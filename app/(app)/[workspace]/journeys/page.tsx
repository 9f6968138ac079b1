import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { JourneysTiles } from "@/components/journeys/journeys-tiles";
import { DashboardQueryProvider } from "@/components/metrics/dashboard-query";
import { PeriodDescription } from "@/components/metrics/period-description";
import { NoDataYet } from "@/components/overview/no-data-yet";
import { PageHeader } from "@/components/ui/page-header";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("journeys"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Journeys: a funnel builder, the paths into and out of an event, and the lifecycle checks.
export default async function JourneysPage({ params, searchParams }: Props) {
  const page = await loadDashboardPage((await params).workspace, await searchParams);
  const t = await getTranslations("journeys");
  if (!page.hasData) return <NoDataYet title={t("title")} />;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <PeriodDescription
            window={page.window}
            comparison={page.comparison ?? undefined}
            timeZone={page.query.timeZone}
          />
        }
      />
      <DashboardQueryProvider value={page.query}>
        <JourneysTiles />
      </DashboardQueryProvider>
    </>
  );
}
