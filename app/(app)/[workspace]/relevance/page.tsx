import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DashboardFrame } from "@/components/metrics/dashboard-frame";
import { RelevanceTiles } from "@/components/relevance/relevance-tiles";
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
  const t = await getTranslations("relevance");
  return (
    <DashboardFrame page={page} title={t("title")}>
      <RelevanceTiles />
    </DashboardFrame>
  );
}
