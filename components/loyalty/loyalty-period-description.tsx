import { getLocale, getTranslations } from "next-intl/server";

import { PeriodDescription } from "@/components/metrics/period-description";
import type { ReportWindow } from "@/lib/date-window";
import { formatCalendarDate } from "@/lib/format";

/**
 * "12 months to 31 Oct 2026 (1 Nov 2025 – 31 Oct 2026, Europe/Copenhagen)" and why a year, or
 * the explicit dates the user chose.
 */
export async function LoyaltyPeriodDescription({
  window,
  timeZone,
}: {
  window: ReportWindow;
  timeZone: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("loyalty"), getLocale()]);
  if (window.preset === null) {
    return (
      <>
        <PeriodDescription window={window} timeZone={timeZone} />
        <span className="block">{t("periodCustomNote")}</span>
      </>
    );
  }
  const to = formatCalendarDate(window.toDate, locale);
  return (
    <>
      <span data-testid="loyalty-period" className="font-medium text-slate-800">
        {t("periodYear", { to })}
      </span>{" "}
      {t("periodYearDates", { from: formatCalendarDate(window.fromDate, locale), to, timeZone })}
      <span className="block">{t("periodYearNote")}</span>
    </>
  );
}
