import "server-only";

import { getLocale } from "next-intl/server";

import type { Permission } from "@/lib/auth/permissions";
import type { ReportWindow } from "@/lib/date-window";
import type { DashboardQuery } from "@/lib/metrics/dashboard-query";
import { type Access, authorizePage } from "@/lib/server/auth/guard";
import { getAnchorDate } from "@/lib/server/workspaces/get-anchor-date";
import { loadDashboardParams } from "@/lib/url-state/load-dashboard-params";

import { dashboardQuery } from "./dashboard-page-query";

export interface DashboardPage {
  access: Access;
  hasData: boolean;
  /** The day preset windows end on: the latest data's, or today. */
  anchorDate: string;
  window: ReportWindow;
  /** The comparison period the URL asks for (default: the previous period); null for none. */
  comparison: ReportWindow | null;
  /** What the page's tiles ask the read API for. */
  query: DashboardQuery;
}

/**
 * The start of every dashboard page: the guard, then the URL's filters resolved to a window
 * ending on the day of the latest data, in the workspace's time zone.
 */
export async function loadDashboardPage(
  slug: string,
  searchParams: Record<string, string | string[] | undefined>,
  permission: Permission = "viewDashboards",
): Promise<DashboardPage> {
  const access = await authorizePage(slug, permission);
  const { workspace } = access;
  const [{ anchorDate, hasData }, locale] = await Promise.all([getAnchorDate(workspace), getLocale()]);
  return {
    access,
    hasData,
    anchorDate,
    ...dashboardQuery(workspace, loadDashboardParams(searchParams), {
      anchorDate,
      locale,
      role: access.role,
    }),
  };
}
