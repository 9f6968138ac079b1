import { parse } from "csv-parse/browser/esm/sync";

import { csvRecordToEvent } from "@/lib/import/csv-record-to-event";
import type { ImportTarget } from "@/lib/import/import-fields";
import { validateEvent } from "@/lib/schemas/event";
import type { CsvDelimiter, DecimalSeparator } from "@/lib/schemas/import";

/** Sample rows shown under each column. */
export const PREVIEW_ROWS = 5;

export interface CsvPreviewRow {
  /** The line the row starts on in the file (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvPreview {
  header: string[];
  rows: CsvPreviewRow[];
  /** Rows among the first ones the parser could not read (an unclosed quote), with the reason. */
  unreadable: { line: number; reason: string }[];
}

const newlines = (cells: readonly string[]) =>
  cells.reduce((sum, cell) => sum + (cell.split("\n").length - 1), 0);

/**
 * Reads the header and the first rows of a CSV text with the server's parser settings
 * (lib/server/import/read-csv.ts): ragged rows kept, blank lines skipped, an unreadable record
 * skipped with its reason. Header names are trimmed, as the import trims them.
 */
export function parseCsvPreview(text: string, delimiter: CsvDelimiter): CsvPreview {
  const unreadable: CsvPreview["unreadable"] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      to: PREVIEW_ROWS + 1,
      on_skip: (error) => {
        if (error) unreadable.push({ line: Number(error.lines ?? 0), reason: error.message });
        return undefined;
      },
    }) as unknown as typeof records;
  } catch (error) {
    return { header: [], rows: [], unreadable: [{ line: 1, reason: (error as Error).message }] };
  }
  const [first, ...rest] = records;
  return {
    header: first ? first.record.map((name) => name.trim()) : [],
    rows: rest.map(({ record, info }) => ({ line: info.lines - newlines(record), cells: record })),
    unreadable,
  };
}

/**
 * What the import would say about each sample row: the same conversion (column mapping,
 * number locale, `topics` split on `|`) and the same event schema as the server.
 */
export function checkSampleRows(
  rows: readonly CsvPreviewRow[],
  mapping: readonly (ImportTarget | null)[],
  decimal: DecimalSeparator,
): { line: number; errors: string[] }[] {
  return rows.map((row) => {
    const { event, errors } = csvRecordToEvent(row.cells, mapping, decimal);
    const validation = validateEvent(event);
    return { line: row.line, errors: [...errors, ...(validation.ok ? [] : validation.errors)] };
  });
}
