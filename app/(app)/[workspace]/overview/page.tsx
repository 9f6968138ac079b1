import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { PeriodDescription } from "@/components/metrics/period-description";
import { NoDataYet } from "@/components/overview/no-data-yet";
import { OverviewTiles, OverviewTilesSkeleton } from "@/components/overview/overview-tiles";
import { PageHeader } from "@/components/ui/page-header";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The marketing manager's home: contact pressure for the chosen range against the period before.
export default async function OverviewPage({ params, searchParams }: Props) {
  const page = await loadDashboardPage((await params).workspace, await searchParams);
  if (!page.hasData) return <NoDataYet />;
  const { window, comparison, query } = page;
  const t = await getTranslations("overview");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={<PeriodDescription window={window} comparison={comparison} timeZone={query.timeZone} />}
      />
      <Suspense key={`${query.from}:${query.to}:${query.channel}`} fallback={<OverviewTilesSkeleton />}>
        <OverviewTiles
          workspaceId={page.access.workspace.id}
          window={window}
          comparison={comparison}
          channel={query.channel}
          locale={query.locale}
        />
      </Suspense>
    </>
  );
}
