import { formatNumber } from "@/lib/format";
import type { CsvDelimiter, DecimalSeparator } from "@/lib/schemas/import";

import type { DataT } from "./data-t";

const KB = 1024;
const MB = 1024 * 1024;

/** A file size in the unit that suits it: "812 B", "163 KB", "12.4 MB". */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < KB) return `${formatNumber(bytes, locale)} B`;
  if (bytes < MB) return `${formatNumber(bytes / KB, locale)} KB`;
  return `${formatNumber(bytes / MB, locale, 1)} MB`;
}

/** "12.4 MB" and "33.5 MB": both sizes in the unit of the total, so they compare at a glance. */
export function formatBytesOf(done: number, total: number, locale: string): { done: string; total: string } {
  if (total < MB) {
    return { done: `${formatNumber(done / KB, locale)} KB`, total: `${formatNumber(total / KB, locale)} KB` };
  }
  return {
    done: `${formatNumber(done / MB, locale, 1)} MB`,
    total: `${formatNumber(total / MB, locale, 1)} MB`,
  };
}

/** A duration in words, never broken between number and unit: "under a second", "12 s", "4 min 5 s", "1 h 12 min". */
export function formatDuration(ms: number, t: DataT): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return t("duration.underSecond");
  const s = (count: number) => t("duration.seconds", { count });
  const min = (count: number) => t("duration.minutes", { count });
  const h = (count: number) => t("duration.hours", { count });
  if (seconds < 60) return s(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 > 0 ? `${min(minutes)} ${s(seconds % 60)}` : min(minutes);
  return minutes % 60 > 0
    ? `${h(Math.floor(minutes / 60))} ${min(minutes % 60)}`
    : h(Math.floor(minutes / 60));
}

const DELIMITER_KEYS = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" } as const;

/** A delimiter by name: "Semicolon ( ; )". */
export function delimiterName(delimiter: CsvDelimiter, t: DataT): string {
  return t(`csv.delimiters.${DELIMITER_KEYS[delimiter]}`);
}

/** The number locales as the preview shows them; no thousands separators in either. */
export const DECIMAL_EXAMPLES: Record<DecimalSeparator, string> = { comma: "1234,50", point: "1234.50" };

/** How a CSV import read its file, for the history: "Semicolon ( ; ), decimal comma". */
export function describeCsvDialect(delimiter: string, decimal: DecimalSeparator, t: DataT): string {
  const name = Object.hasOwn(DELIMITER_KEYS, delimiter)
    ? delimiterName(delimiter as CsvDelimiter, t)
    : JSON.stringify(delimiter);
  return t("csv.dialect", { delimiter: name, decimal: t(`csv.decimals.${decimal}`).toLowerCase() });
}
