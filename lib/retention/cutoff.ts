import { format, subMonths } from "date-fns";

import { zonedDate, zonedMidnight } from "@/lib/date-window";

/** The shortest and longest retention a workspace may set, in calendar months. */
export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 120;

/**
 * The first calendar day (YYYY-MM-DD) whose events a policy of `months` keeps: today's date in
 * the time zone, `months` calendar months earlier. A day the earlier month lacks becomes its
 * last day (1 month before 31 March is 28 or 29 February).
 */
export function retentionCutoffDate(now: Date, months: number, timeZone: string): string {
  const [y, m, d] = zonedDate(now, timeZone).split("-").map(Number);
  return format(subMonths(new Date(y, m - 1, d), months), "yyyy-MM-dd");
}

/**
 * The instant before which a policy of `months` removes events: midnight at the start of the
 * cutoff date in the workspace's time zone. Half-open: an event with ts < cutoff is affected,
 * one at the cutoff or later is kept.
 */
export function retentionCutoff(now: Date, months: number, timeZone: string): Date {
  return zonedMidnight(retentionCutoffDate(now, months, timeZone), timeZone);
}
