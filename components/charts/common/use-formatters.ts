"use client";

import { useMemo } from "react";

import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { formatNumber, formatPercent } from "@/lib/format";

/** Number formats in the interface's locale (decimal comma in Danish, Norwegian and Swedish). */
export function useFormatters() {
  const { locale } = useDashboardQuery();
  return useMemo(
    () => ({
      locale,
      number: (value: number | null, digits = 0) =>
        value === null ? "—" : formatNumber(value, locale, digits),
      percent: (value: number | null, digits = 1) =>
        value === null ? "—" : formatPercent(value, locale, digits),
    }),
    [locale],
  );
}
