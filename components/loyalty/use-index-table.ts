"use client";

import { useTranslations } from "next-intl";

import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import type { LoyaltySummary } from "@/lib/metrics/loyalty";

import { componentCounts } from "./component-counts";
import { useComparedPeriod } from "./use-compared-period";
import { useComponentText } from "./use-component-text";

interface IndexRow {
  figure: string;
  /** The index 0–100, its change in points, or a part as a fraction 0–1. */
  value: number | null;
  display: string;
  weight: number | null;
  count: number | null;
  total: number | null;
}

const NO_COUNTS = { weight: null, count: null, total: null };

/**
 * The index tile as a table: the index (0–100), its change (unless the user compares with
 * nothing), and each part (0–1) with its weight and counts.
 */
export function useIndexTable() {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const text = useComponentText();
  const comparedPeriod = useComparedPeriod();
  const { compare } = useDashboardQuery();
  return ({ current, previous, indexChange }: LoyaltySummary) => {
    const change: IndexRow = {
      figure: t("changeRow", { period: comparedPeriod(previous) }),
      value: indexChange,
      display: format.number(indexChange, 1),
      ...NO_COUNTS,
    };
    const rows: IndexRow[] = [
      {
        figure: t("indexRow"),
        value: current.index.value,
        display: format.number(current.index.value, 1),
        ...NO_COUNTS,
      },
      ...(compare === "none" ? [] : [change]),
      ...current.index.components.map((component) => ({
        figure: text.name(component.id),
        value: component.value,
        display: text.value(component),
        weight: component.appliedWeight,
        ...componentCounts(current, component.id),
      })),
    ];
    const count = (value: number | null) => (value === null ? "" : format.number(value));
    return tableSpec(rows, [
      { key: "figure", header: t("figure"), value: (row) => row.figure },
      {
        key: "value",
        header: t("value"),
        value: (row) => row.value,
        format: (row) => row.display,
        numeric: true,
      },
      {
        key: "weight",
        header: t("weightUsed"),
        value: (row) => row.weight,
        format: (row) => (row.weight === null ? "" : format.percent(row.weight, 0)),
        numeric: true,
      },
      {
        key: "count",
        header: t("count"),
        value: (row) => row.count,
        format: (row) => count(row.count),
        numeric: true,
      },
      {
        key: "total",
        header: t("outOf"),
        value: (row) => row.total,
        format: (row) => count(row.total),
        numeric: true,
      },
    ]);
  };
}
