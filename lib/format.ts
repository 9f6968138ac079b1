/** Locale-aware formatting for the UI (numbers, dates). The API always returns raw numbers. */
const LOCALE_TAGS: Record<string, string> = { en: "en-GB", da: "da-DK", nb: "nb-NO", sv: "sv-SE" };

export function localeTag(locale: string): string {
  return LOCALE_TAGS[locale] ?? "en-GB";
}

export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits }).format(value);
}

export function formatPercent(fraction: number, locale: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(localeTag(locale), { style: "percent", maximumFractionDigits }).format(
    fraction,
  );
}

/** A calendar date `YYYY-MM-DD` as e.g. "4 Oct 2026" in the locale. */
export function formatCalendarDate(date: string, locale: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(localeTag(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Relative change from `previous` to `current`, or null when there is nothing to compare with. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/** An instant as date and time in the locale and time zone, e.g. "23 Nov 2026, 17:49". */
export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeTag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

/** An instant's calendar day in the locale and time zone, e.g. "23 Nov 2026". */
export function formatDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeTag(locale), { dateStyle: "medium", timeZone }).format(date);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["minute", 60],
  ["hour", 60 * 60],
  ["day", 24 * 60 * 60],
  ["month", 30 * 24 * 60 * 60],
  ["year", 365 * 24 * 60 * 60],
];

/**
 * How long before `now` an instant was, in the interface's words: "just now", "5 minutes ago",
 * "yesterday". `justNow` is the words for under a minute, in the same language as `locale`.
 */
export function formatTimeAgo(date: Date, now: Date, locale = "en", justNow = "just now"): string {
  const seconds = Math.max(0, (now.getTime() - date.getTime()) / 1000);
  if (seconds < 60) return justNow;
  const format = new Intl.RelativeTimeFormat(localeTag(locale), { numeric: "auto" });
  let unit: Intl.RelativeTimeFormatUnit = "minute";
  let size = 60;
  for (const [stepUnit, stepSize] of RELATIVE_STEPS) {
    if (seconds < stepSize) break;
    unit = stepUnit;
    size = stepSize;
  }
  return format.format(-Math.floor(seconds / size), unit);
}

/** An instant's time of day in the locale and time zone, e.g. "17:49". */
export function formatTime(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeTag(locale), { timeStyle: "short", timeZone }).format(date);
}
