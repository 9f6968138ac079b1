import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { FrequencyTiles } from "@/components/frequency/frequency-tiles";
import { DashboardFrame } from "@/components/metrics/dashboard-frame";
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
  const t = await getTranslations("frequency");
  return (
    <DashboardFrame page={page} title={t("title")}>
      <FrequencyTiles />
    </DashboardFrame>
  );
}
