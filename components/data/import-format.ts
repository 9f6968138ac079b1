import { formatNumber } from "@/lib/format";
import type { CsvDelimiter, DecimalSeparator } from "@/lib/schemas/import";

const KB = 1024;
const MB = 1024 * 1024;

/** A file size in the unit that suits it: "812 B", "163 KB", "12.4 MB". */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < KB) return `${formatNumber(bytes, locale)} B`;
  if (bytes < MB) return `${formatNumber(bytes / KB, locale)} KB`;
  return `${formatNumber(bytes / MB, locale, 1)} MB`;
}

/** "12.4 MB of 33.5 MB": both sizes in the unit of the total, so they compare at a glance. */
export function formatBytesOf(done: number, total: number, locale: string): string {
  if (total < MB) return `${formatNumber(done / KB, locale)} KB of ${formatNumber(total / KB, locale)} KB`;
  return `${formatNumber(done / MB, locale, 1)} MB of ${formatNumber(total / MB, locale, 1)} MB`;
}

/** A duration in words, never broken between number and unit: "under a second", "12 s", "4 min 5 s", "1 h 12 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const parts = (...pairs: [number, string][]) =>
    pairs
      .filter(([value], index) => index === 0 || value > 0)
      .map(([value, unit]) => `${value}\u00a0${unit}`)
      .join(" ");
  if (seconds < 1) return "under a second";
  if (seconds < 60) return parts([seconds, "s"]);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return parts([minutes, "min"], [seconds % 60, "s"]);
  return parts([Math.floor(minutes / 60), "h"], [minutes % 60, "min"]);
}

export const DELIMITER_NAMES: Record<CsvDelimiter, string> = {
  ",": "Comma ( , )",
  ";": "Semicolon ( ; )",
  "\t": "Tab",
  "|": "Pipe ( | )",
};

/** The number locales in the words the preview uses; no thousands separators in either. */
export const DECIMAL_NAMES: Record<DecimalSeparator, { label: string; example: string }> = {
  comma: { label: "Decimal comma", example: "1234,50" },
  point: { label: "Decimal point", example: "1234.50" },
};

/** How a CSV import read its file, for the history: "Semicolon ( ; ), decimal comma". */
export function describeCsvDialect(delimiter: string, decimal: DecimalSeparator): string {
  const name = DELIMITER_NAMES[delimiter as CsvDelimiter] ?? JSON.stringify(delimiter);
  return `${name}, ${DECIMAL_NAMES[decimal].label.toLowerCase()}`;
}
