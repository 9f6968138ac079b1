import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DashboardFrame } from "@/components/metrics/dashboard-frame";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { OVERVIEW_PAGE_METRICS } from "@/lib/metrics/page-metrics";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";
import { warmPageMetrics } from "@/lib/server/dashboard/warm-page-metrics";

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
  if (page.hasData) warmPageMetrics(page.access, page.query, OVERVIEW_PAGE_METRICS);
  const t = await getTranslations("overview");
  return (
    <DashboardFrame page={page} title={t("title")} showComparison>
      <OverviewDashboard />
    </DashboardFrame>
  );
}
