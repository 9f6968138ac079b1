import type { inferParserType } from "nuqs/server";

import { can, type Role } from "@/lib/auth/permissions";
import { previousWindow, type ReportWindow, resolveWindow, yearEarlierWindow } from "@/lib/date-window";
import type { Workspace } from "@/lib/generated/prisma/client";
import type { DashboardQuery } from "@/lib/metrics/dashboard-query";
import type { dashboardParsers } from "@/lib/url-state/dashboard-params";

/** The dashboard's filters as the URL gives them. */
export type DashboardFilters = inferParserType<typeof dashboardParsers>;

/**
 * A page's window, comparison period and the query its tiles ask the read API for, from the
 * URL's filters (for the page as it first opens: `loadDashboardParams({})`).
 */
export function dashboardQuery(
  workspace: Workspace,
  filters: DashboardFilters,
  { anchorDate, locale, role }: { anchorDate: string; locale: string; role: Role },
): { window: ReportWindow; comparison: ReportWindow | null; query: DashboardQuery } {
  const window = resolveWindow(filters, { timeZone: workspace.timeZone, anchorDate });
  const compare = filters.compare ?? "previous";
  const comparison =
    compare === "previous"
      ? previousWindow(window, workspace.timeZone)
      : compare === "year"
        ? yearEarlierWindow(window, workspace.timeZone)
        : null;
  return {
    window,
    comparison,
    query: {
      workspace: workspace.slug,
      from: window.fromDate,
      to: window.toDate,
      timeZone: workspace.timeZone,
      channel: filters.channel,
      segmentId: filters.segment,
      compare,
      locale,
      currency: workspace.currency,
      canViewCustomers: can(role, "viewCustomers"),
    },
  };
}
