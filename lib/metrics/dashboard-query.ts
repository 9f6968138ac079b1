import type { ChannelName } from "@/lib/events/enums";

/**
 * What every tile of a dashboard page asks for: the workspace, the window resolved by the page
 * (calendar dates in the workspace's zone), the channel, segment and comparison from the URL,
 * and how to format (interface locale, workspace currency and zone).
 */
export interface DashboardQuery {
  workspace: string;
  from: string;
  to: string;
  timeZone: string;
  channel: ChannelName | null;
  segmentId: number | null;
  compare: "none" | "previous" | "year";
  locale: string;
  currency: string;
  /** Whether the user's role may see customer-level lists (the server checks again). */
  canViewCustomers: boolean;
}

/**
 * The read API's common parameters for the dashboard's query. The comparison period is asked
 * for only by tiles that show it (it doubles the work).
 */
export function commonMetricParams(query: DashboardQuery, withComparison = false): Record<string, string> {
  const params: Record<string, string> = { from: query.from, to: query.to, tz: query.timeZone };
  if (query.channel) params.channel = query.channel;
  if (query.segmentId !== null) params.segmentId = String(query.segmentId);
  if (withComparison && query.compare !== "none") params.compare = query.compare;
  return params;
}
