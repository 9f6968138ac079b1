import "server-only";

import { tz } from "@date-fns/tz";
import { addWeeks, getISOWeek, getISOWeekYear, startOfISOWeek } from "date-fns";

/** One calendar week (Monday 00:00 to the next, in a time zone) and its part inside a window. */
export interface CalendarWeek {
  isoWeek: string;
  weekStart: Date;
  weekEnd: Date;
  /** The part inside the window: [max(from, weekStart), min(to, weekEnd)). */
  from: Date;
  to: Date;
  /** (to − from) / (weekEnd − weekStart): 1 for a whole week, also one of 167 or 169 hours. */
  fraction: number;
}

/** The ISO weeks (Monday start, in `timeZone`) that overlap [from, to), in order. */
export function calendarWeeks(from: Date, to: Date, timeZone: string): CalendarWeek[] {
  new Intl.DateTimeFormat("en", { timeZone }); // throws a RangeError for an unknown zone
  const zone = tz(timeZone);
  const weeks: CalendarWeek[] = [];
  let start = startOfISOWeek(from, { in: zone });
  while (start.getTime() < to.getTime()) {
    const end = addWeeks(start, 1, { in: zone });
    const partFrom = Math.max(from.getTime(), start.getTime());
    const partTo = Math.min(to.getTime(), end.getTime());
    const week = String(getISOWeek(start, { in: zone })).padStart(2, "0");
    weeks.push({
      isoWeek: `${getISOWeekYear(start, { in: zone })}-W${week}`,
      weekStart: new Date(start.getTime()),
      weekEnd: new Date(end.getTime()),
      from: new Date(partFrom),
      to: new Date(partTo),
      fraction: (partTo - partFrom) / (end.getTime() - start.getTime()),
    });
    start = end;
  }
  return weeks;
}
