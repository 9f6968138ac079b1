import { getLocale, getTranslations } from "next-intl/server";

import type { ReportWindow } from "@/lib/date-window";
import { formatCalendarDate } from "@/lib/format";

/** "1 Nov – 28 Nov 2026 (28 days, Europe/Copenhagen)", optionally "compared with …". */
export async function PeriodDescription({
  window,
  comparison,
  timeZone,
}: {
  window: ReportWindow;
  comparison?: ReportWindow;
  timeZone: string;
}) {
  const [tf, tc, locale] = await Promise.all([
    getTranslations("filters"),
    getTranslations("common"),
    getLocale(),
  ]);
  const period = tf("period", {
    from: formatCalendarDate(window.fromDate, locale),
    to: formatCalendarDate(window.toDate, locale),
    days: tc("days", { count: window.days }),
    timeZone,
  });
  if (!comparison) return period;
  const compared = tf("comparedWith", {
    from: formatCalendarDate(comparison.fromDate, locale),
    to: formatCalendarDate(comparison.toDate, locale),
  });
  return `${period}, ${compared}`;
}
