export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** One local calendar day of the workspace time zone. */
export interface Day {
  index: number;
  /** UTC instant of local midnight. */
  start: number;
  /** Local date, "YYYY-MM-DD". */
  date: string;
  year: number;
  /** 1–12. */
  month: number;
  dayOfMonth: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Zone offset at local noon (ms east of UTC). */
  offset: number;
}

/** The local days covering [start, end) in one time zone. */
export interface Calendar {
  timeZone: string;
  start: number;
  end: number;
  days: Day[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at instant `ms`, in ms (positive east of Greenwich). */
function zoneOffset(ms: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return local - Math.floor(ms / 1000) * 1000;
}

/** UTC instant of a local wall-clock time (month 1–12; out-of-range days and hours roll over). */
export function localToUtc(
  year: number,
  month: number,
  day: number,
  hours: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day) + hours * HOUR;
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}

/** Local calendar date of an instant. */
export function localDate(
  ms: number,
  timeZone: string,
): { year: number; month: number; day: number; hours: number } {
  const shifted = new Date(ms + zoneOffset(ms, timeZone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hours: (shifted.getTime() % DAY) / HOUR,
  };
}

/** The calendar of the `months` calendar months (local time) ending at `end`. */
export function buildCalendar(end: Date, months: number, timeZone: string): Calendar {
  const endMs = end.getTime();
  const e = localDate(endMs, timeZone);
  const start = localToUtc(e.year, e.month - months, e.day, e.hours, timeZone);
  const days: Day[] = [];
  const first = localDate(start, timeZone);
  for (let i = 0; ; i++) {
    const dayStart = localToUtc(first.year, first.month, first.day + i, 0, timeZone);
    if (dayStart >= endMs) break;
    const noon = new Date(Date.UTC(first.year, first.month - 1, first.day + i, 12));
    const offset = zoneOffset(noon.getTime() - 2 * HOUR, timeZone);
    days.push({
      index: i,
      start: dayStart,
      date: noon.toISOString().slice(0, 10),
      year: noon.getUTCFullYear(),
      month: noon.getUTCMonth() + 1,
      dayOfMonth: noon.getUTCDate(),
      weekday: ((noon.getUTCDay() + 6) % 7) + 1,
      offset,
    });
  }
  return { timeZone, start, end: endMs, days };
}

/** UTC instant of a local time of day (fractional hours) on a calendar day. */
export function atLocal(day: Day, hours: number): number {
  return Date.UTC(day.year, day.month - 1, day.dayOfMonth) + hours * HOUR - day.offset;
}

/** The calendar day containing an instant (clamped to the calendar). */
export function dayOf(calendar: Calendar, ms: number): Day {
  const { days } = calendar;
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid].start <= ms) lo = mid;
    else hi = mid - 1;
  }
  return days[lo];
}
