import type { Metadata } from "next";
import { Suspense } from "react";

import { NoDataYet } from "@/components/overview/no-data-yet";
import { OverviewTiles, OverviewTilesSkeleton } from "@/components/overview/overview-tiles";
import { PageHeader } from "@/components/ui/page-header";
import { previousWindow, resolveWindow } from "@/lib/date-window";
import { formatCalendarDate } from "@/lib/format";
import { authorizePage } from "@/lib/server/auth/guard";
import { getAnchorDate } from "@/lib/server/workspaces/get-anchor-date";
import { loadDashboardParams } from "@/lib/url-state/load-dashboard-params";

export const metadata: Metadata = { title: "Overview" };

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The marketing manager's home: contact pressure for the chosen range against the period before.
export default async function OverviewPage({ params, searchParams }: Props) {
  const access = await authorizePage((await params).workspace, "viewDashboards");
  const { workspace } = access;
  const filters = loadDashboardParams(await searchParams);
  const { anchorDate, hasData } = await getAnchorDate(workspace);
  if (!hasData) return <NoDataYet />;
  const window = resolveWindow(filters, { timeZone: workspace.timeZone, anchorDate });
  const comparison = previousWindow(window, workspace.timeZone);
  const locale = workspace.defaultLocale;
  return (
    <>
      <PageHeader
        title="Overview"
        description={
          <>
            {formatCalendarDate(window.fromDate, locale)} – {formatCalendarDate(window.toDate, locale)} (
            {window.days} days, {workspace.timeZone}), compared with{" "}
            {formatCalendarDate(comparison.fromDate, locale)} –{" "}
            {formatCalendarDate(comparison.toDate, locale)}
          </>
        }
      />
      <Suspense
        key={`${window.fromDate}:${window.toDate}:${filters.channel}`}
        fallback={<OverviewTilesSkeleton />}
      >
        <OverviewTiles
          workspaceId={workspace.id}
          window={window}
          comparison={comparison}
          channel={filters.channel}
          locale={locale}
        />
      </Suspense>
    </>
  );
}
