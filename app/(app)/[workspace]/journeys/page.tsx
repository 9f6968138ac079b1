import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { JourneysTiles } from "@/components/journeys/journeys-tiles";
import { DashboardFrame } from "@/components/metrics/dashboard-frame";
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
  return (
    <DashboardFrame page={page} title={t("title")} showComparison>
      <JourneysTiles />
    </DashboardFrame>
  );
}
