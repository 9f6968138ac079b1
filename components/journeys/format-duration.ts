import { localeTag } from "@/lib/format";

const UNITS: [unit: "second" | "minute" | "hour" | "day", seconds: number, below: number][] = [
  ["second", 1, 90],
  ["minute", 60, 90 * 60],
  ["hour", 60 * 60, 48 * 60 * 60],
  ["day", 24 * 60 * 60, Infinity],
];

/** A span of seconds in the largest fitting unit, in the locale: "42 seconds", "15 minutes", "4.9 days". */
export function formatDuration(seconds: number, locale: string): string {
  const [unit, size] = UNITS.find(([, , below]) => seconds < below) ?? UNITS[UNITS.length - 1];
  const value = seconds / size;
  return new Intl.NumberFormat(localeTag(locale), {
    style: "unit",
    unit,
    unitDisplay: "long",
    maximumFractionDigits: value < 10 && unit !== "second" ? 1 : 0,
  }).format(value);
}
