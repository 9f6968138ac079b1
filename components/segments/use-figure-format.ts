"use client";

import { useTranslations } from "next-intl";

import { useFormatters } from "@/components/charts/common/use-formatters";

import type { Figure, FigureKind } from "./use-segment-figures";

const DIGITS: Record<FigureKind, number> = { count: 0, perWeek: 2, rate: 1, points: 1 };

/** A compared figure, its counts, and a difference between two of them, in the locale. */
export function useFigureFormat() {
  const t = useTranslations("segments");
  const format = useFormatters();
  const value = (kind: FigureKind, figure: Figure) =>
    kind === "rate" ? format.percent(figure.value) : format.number(figure.value, DIGITS[kind]);
  const detail = (kind: FigureKind, figure: Figure): string | null => {
    if (kind === "rate" && figure.numerator !== undefined && figure.denominator !== undefined) {
      return t("compare.ofCount", {
        numerator: format.number(figure.numerator),
        denominator: format.number(figure.denominator),
      });
    }
    if (figure.denominator !== undefined) {
      return t("compare.scoredContacts", { count: figure.denominator });
    }
    return null;
  };
  const difference = (kind: FigureKind, a: number | null, b: number | null): string => {
    if (a === null || b === null) return format.number(null);
    const diff = kind === "rate" ? (b - a) * 100 : b - a;
    const digits = kind === "rate" ? 1 : DIGITS[kind];
    const rounded = Number(diff.toFixed(digits));
    const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
    const magnitude = format.number(Math.abs(rounded), digits);
    return kind === "rate" ? t("compare.points", { value: `${sign}${magnitude}` }) : `${sign}${magnitude}`;
  };
  return { value, detail, difference };
}
