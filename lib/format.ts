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
