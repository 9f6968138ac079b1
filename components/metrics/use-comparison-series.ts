"use client";

import { useTranslations } from "next-intl";

import { useDashboardQuery } from "./dashboard-query";

/**
 * How a chart names the comparison period's series, or null when the filters ask for none:
 * the legend's words and a table column's header ("Customers (previous period)").
 */
export function useComparisonSeries(): { name: string; column: (header: string) => string } | null {
  const t = useTranslations("chart");
  const filters = useTranslations("filters");
  const { compare } = useDashboardQuery();
  if (compare === "none") return null;
  const period = t(compare === "previous" ? "previousPeriod" : "sameWeeksLastYear");
  return {
    name: filters(compare === "previous" ? "comparePrevious" : "compareYear"),
    column: (header) => t("inPeriod", { header, period }),
  };
}
