"use client";

import { useMemo } from "react";

import { useFormatters } from "@/components/charts/common/use-formatters";
import { localeTag } from "@/lib/format";

/** A calendar month "YYYY-MM" in the interface language: "Nov 2025", or "Nov" with `short`. */
export function useMonthLabel() {
  const { locale } = useFormatters();
  return useMemo(() => {
    const long = new Intl.DateTimeFormat(localeTag(locale), {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    const short = new Intl.DateTimeFormat(localeTag(locale), { month: "short", timeZone: "UTC" });
    return (month: string, options: { short?: boolean } = {}) => {
      const [year, index] = month.split("-").map(Number);
      const date = new Date(Date.UTC(year, index - 1, 1));
      return (options.short ? short : long).format(date);
    };
  }, [locale]);
}
