import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format } from "date-fns";

import type { RangePreset } from "./url-state/dashboard-params";

const DAY_MS = 24 * 60 * 60 * 1000;
const PRESET_DAYS: Record<RangePreset, number> = { "7d": 7, "28d": 28, "90d": 90, "365d": 365 };

/** A report window: half-open [from, to) in UTC, with the calendar dates it was chosen as. */
export interface ReportWindow {
  from: Date;
  to: Date;
  /** First day, inclusive (workspace time zone). */
  fromDate: string;
  /** Last day, inclusive (workspace time zone). */
  toDate: string;
  days: number;
  weeks: number;
  preset: RangePreset | null;
}

/** Midnight at the start of a calendar date in a time zone. */
export function zonedMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function zonedDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

/** A calendar date `days` later (earlier when negative). */
export function shiftCalendarDate(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return format(addDays(new Date(y, m - 1, d), days), "yyyy-MM-dd");
}

/** The URL's choice of window: a preset, or explicit calendar dates. */
export interface WindowParams {
  range: RangePreset | null;
  from: string | null;
  to: string | null;
}

/** The calendar dates of the window the URL asks for (see resolveWindow), and its preset if any. */
export function windowDates(
  params: WindowParams,
  anchorDate: string,
): { fromDate: string; toDate: string; preset: RangePreset | null } {
  if (params.from && params.to && params.from <= params.to) {
    return { fromDate: params.from, toDate: params.to, preset: null };
  }
  const preset = params.range ?? "28d";
  return { fromDate: shiftCalendarDate(anchorDate, -(PRESET_DAYS[preset] - 1)), toDate: anchorDate, preset };
}

/**
 * Resolves the URL's range to a window. Explicit dates win; otherwise the preset (default 28 days)
 * ends with `anchorDate`, the day of the latest data (or today).
 */
export function resolveWindow(
  params: WindowParams,
  options: { timeZone: string; anchorDate: string },
): ReportWindow {
  const { fromDate, toDate, preset } = windowDates(params, options.anchorDate);
  const from = zonedMidnight(fromDate, options.timeZone);
  const to = zonedMidnight(shiftCalendarDate(toDate, 1), options.timeZone);
  const [fy, fm, fd] = fromDate.split("-").map(Number);
  const [ty, tm, td] = toDate.split("-").map(Number);
  const days = differenceInCalendarDays(new Date(ty, tm - 1, td), new Date(fy, fm - 1, fd)) + 1;
  return { from, to, fromDate, toDate, days, weeks: (to.getTime() - from.getTime()) / (7 * DAY_MS), preset };
}

/** The window of the same length right before (the default comparison period). */
export function previousWindow(window: ReportWindow, timeZone: string): ReportWindow {
  const toDate = shiftCalendarDate(window.fromDate, -1);
  const fromDate = shiftCalendarDate(toDate, -(window.days - 1));
  return resolveWindow({ range: null, from: fromDate, to: toDate }, { timeZone, anchorDate: toDate });
}

/** The same weekdays 52 weeks (364 days) earlier: Mondays compare with Mondays. */
export function yearEarlierWindow(window: ReportWindow, timeZone: string): ReportWindow {
  const fromDate = shiftCalendarDate(window.fromDate, -364);
  const toDate = shiftCalendarDate(window.toDate, -364);
  return resolveWindow({ range: null, from: fromDate, to: toDate }, { timeZone, anchorDate: toDate });
}
