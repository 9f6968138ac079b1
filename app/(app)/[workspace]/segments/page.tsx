import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DashboardQueryProvider } from "@/components/metrics/dashboard-query";
import { PeriodDescription } from "@/components/metrics/period-description";
import { NoDataYet } from "@/components/overview/no-data-yet";
import { SegmentsWorkspace } from "@/components/segments/segments-workspace";
import { PageHeader } from "@/components/ui/page-header";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";
import { getPrisma } from "@/lib/server/db";
import { listSegments } from "@/lib/server/segments/saved-segments";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("segments"))("title") };
}

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Segments: a builder over the segment language with a live count, saved private and shared
// segments, and two segments compared side by side (admins, managers, analysts).
export default async function SegmentsPage({ params, searchParams }: Props) {
  const page = await loadDashboardPage((await params).workspace, await searchParams, "manageSegments");
  const t = await getTranslations("segments");
  if (!page.hasData) return <NoDataYet title={t("title")} />;
  const { access, query } = page;
  const userId = access.user!.id;
  const isAdmin = access.role === "admin";
  const segments = await listSegments(await getPrisma(), {
    workspaceId: access.workspace.id,
    userId,
    isAdmin,
  });
  return (
    <>
      <PageHeader
        title={t("title")}
        description={<PeriodDescription window={page.window} timeZone={query.timeZone} />}
      />
      {query.segmentId !== null ? (
        <p className="-mt-3 mb-4 text-sm text-slate-600">{t("filterNotApplied")}</p>
      ) : null}
      {/* Each figure here is for the segment it names, so the page's own segment filter is not applied. */}
      <DashboardQueryProvider value={{ ...query, segmentId: null }}>
        <SegmentsWorkspace
          initialSegments={segments}
          viewer={{ workspace: query.workspace, userId, isAdmin }}
        />
      </DashboardQueryProvider>
    </>
  );
}
