import { type Calendar, localDate, localToUtc } from "./calendar";

/**
 * The planted findings (docs/demo-data.md), placed relative to the end of the data so that
 * every period length shows them. Times are UTC instants of local (workspace-zone) midnights.
 */
export interface Findings {
  /** (c) Promotional e-mail leaks to ~1 % of customers who unsubscribed, in [start, end). */
  suppressionBug: { start: number; end: number; leakRate: number };
  /** (d) New customers joining in [start, end) never get the welcome series. */
  unwelcomedCohort: { start: number; end: number };
  /** (e) "Dear VIP" mail sent to gold and VIP tiers alike. */
  dearVip: { campaignId: string; at: number };
  /** (a) Share of customers in the loyalty club ("Nordlys Club"), pressed with 6+ contacts a week. */
  clubShare: number;
  /** (f) Share of customers on the deal-alert stream (from `from` on) who then ask for one contact a week. */
  dealAlerts: { share: number; from: number };
}

export const DEAR_VIP_CAMPAIGN = "dear-vip-autumn";

export function plantFindings(calendar: Calendar, months: number): Findings {
  const end = localDate(calendar.end, calendar.timeZone);
  const tz = calendar.timeZone;
  const bugStart = localToUtc(end.year, end.month, end.day - 27, 0, tz);
  const cohortBack = Math.min(5, Math.max(1, months - 1));
  return {
    suppressionBug: {
      start: bugStart,
      end: localToUtc(end.year, end.month, end.day - 13, 0, tz),
      leakRate: 0.01,
    },
    unwelcomedCohort: {
      start: localToUtc(end.year, end.month - cohortBack, 1, 0, tz),
      end: localToUtc(end.year, end.month - cohortBack + 1, 1, 0, tz),
    },
    dearVip: { campaignId: DEAR_VIP_CAMPAIGN, at: localToUtc(end.year, end.month, end.day - 12, 10, tz) },
    clubShare: 0.075,
    dealAlerts: { share: 0.026, from: calendar.start + 0.3 * (calendar.end - calendar.start) },
  };
}
