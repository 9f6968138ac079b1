import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DashboardQueryProvider } from "@/components/metrics/dashboard-query";
import { PeriodDescription } from "@/components/metrics/period-description";
import { NoDataYet } from "@/components/overview/no-data-yet";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The marketing manager's home: headline numbers against the comparison period, what needs attention.
export default async function OverviewPage({ params, searchParams }: Props) {
  const page = await loadDashboardPage((await params).workspace, await searchParams);
  if (!page.hasData) return <NoDataYet />;
  const t = await getTranslations("overview");
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
        <OverviewDashboard />
      </DashboardQueryProvider>
    </>
  );
}
