import { zonedDate } from "@/lib/date-window";
import type { ResolvedQuery } from "@/lib/metrics/query";

import type { TableSpec } from "./table-spec";

/** RFC 4180 field: quoted when it holds a comma, quote, semicolon or line break. */
function field(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table's header and rows as CSV (comma-separated, CRLF, raw values, not locale-formatted). */
export function toCsv<Row>(table: TableSpec<Row>): string {
  const lines = [table.columns.map((column) => field(column.header)).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((column) => field(column.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Offers `csv` to the browser as a download named `filename`. */
export function downloadCsv(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** `<tile>_<first day>_<last day>.csv`, the days in the query's time zone (the end is exclusive). */
export function csvFileName(id: string, query: Pick<ResolvedQuery, "from" | "to" | "timeZone">): string {
  const first = zonedDate(new Date(query.from), query.timeZone);
  const last = zonedDate(new Date(Date.parse(query.to) - 1), query.timeZone);
  return `${id}_${first}_${last}.csv`;
}
