import "server-only";

import { TZDate } from "@date-fns/tz";

import { LOYALTY_WINDOW_DAYS, type LoyaltyTrend, TREND_MONTHS } from "@/lib/metrics/loyalty";

import {
  assertMetricParams,
  DEFAULT_FREQUENCY_CAP,
  type MetricParams,
  type MetricsClient,
} from "../common/metric-params";

import { loyaltyCountsAtEnds } from "./loyalty-at-ends";
import { loyaltyFigures } from "./loyalty-figures";

const WINDOW_MS = LOYALTY_WINDOW_DAYS * 86_400_000;

/**
 * The loyalty index and its components at the end of each of the last 12 calendar months (in
 * params.timeZone, default UTC), the last being the month of the window's last instant and
 * measured at `to`. Each point uses the 365 days ending at it; all come from one computation,
 * shared with a summary of the same query asked at the same time, except the points before
 * the last that are stored (loyaltyCountsAtEnds).
 * `params.from` is not used: every point has its own window.
 */
export async function getLoyaltyTrend(db: MetricsClient, params: MetricParams): Promise<LoyaltyTrend> {
  assertMetricParams(params);
  const timeZone = params.timeZone ?? "UTC";
  const frequencyCap = params.frequencyCap ?? DEFAULT_FREQUENCY_CAP;
  const months = trendMonths(params.to, timeZone);
  const ends = months.map((month) => month.end);
  // The points before the last stay where they are as `to` moves within its month.
  const counts = await loyaltyCountsAtEnds(db, params, ends, WINDOW_MS, frequencyCap, {
    storable: ends.slice(0, -1),
  });
  const points = months.map((month, i) => ({
    month: month.label,
    ...loyaltyFigures(new Date(month.end.getTime() - WINDOW_MS), month.end, counts[i]),
  }));
  return { timeZone, frequencyCap, points };
}

/** The last 12 months up to the one holding `to − 1 ms`: "YYYY-MM" and their ends (`to` for the last). */
export function trendMonths(to: Date, timeZone: string): { label: string; end: Date }[] {
  const last = new TZDate(to.getTime() - 1, timeZone);
  const year = last.getFullYear();
  const month = last.getMonth();
  return Array.from({ length: TREND_MONTHS }, (_, i) => {
    const offset = i - (TREND_MONTHS - 1);
    const start = new Date(Date.UTC(year, month + offset, 1));
    const label = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, "0")}`;
    const end = offset === 0 ? to : new Date(new TZDate(year, month + offset + 1, 1, timeZone).getTime());
    return { label, end };
  });
}
