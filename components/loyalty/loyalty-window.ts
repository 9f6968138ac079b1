import { type ReportWindow, resolveWindow } from "@/lib/date-window";
import type { DashboardQuery } from "@/lib/metrics/dashboard-query";

/**
 * The window the Loyalty page asks for. Loyalty is a year's measure (METRICS.md §4): a preset
 * range (7, 28, 90 or 365 days) only sets the last day, and the page shows the 365 days ending
 * on it. Dates the user chose explicitly are used as they are.
 */
export function loyaltyWindow(window: ReportWindow, timeZone: string): ReportWindow {
  if (window.preset === null) return window;
  return resolveWindow({ range: "365d", from: null, to: null }, { timeZone, anchorDate: window.toDate });
}

/** The Loyalty page's window and the query its tiles ask for, from the dashboard's. */
export function loyaltyQuery(
  window: ReportWindow,
  query: DashboardQuery,
): { window: ReportWindow; query: DashboardQuery } {
  const year = loyaltyWindow(window, query.timeZone);
  return { window: year, query: { ...query, from: year.fromDate, to: year.toDate } };
}
