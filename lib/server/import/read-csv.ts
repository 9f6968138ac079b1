import "server-only";

import fs from "node:fs";
import { pipeline } from "node:stream/promises";

import { parse, type Info } from "csv-parse";

import { csvRecordToEvent } from "@/lib/import/csv-record-to-event";
import type { ImportTarget } from "@/lib/import/import-fields";
import type { CsvDelimiter, DecimalSeparator } from "@/lib/schemas/import";

import { UTF8_BOM, type ImportRow, type ReadFrom } from "./import-row";

export interface CsvReadOptions {
  delimiter: CsvDelimiter;
  decimal: DecimalSeparator;
  mapping: readonly (ImportTarget | null)[];
}

/** A record longer than this is rejected by the parser (it would otherwise grow unbounded). */
const MAX_RECORD_BYTES = 1024 * 1024;

function parser(delimiter: CsvDelimiter, extra: { to?: number } = {}) {
  return parse({
    delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    ...extra,
  });
}

/** Where data starts: past a UTF-8 byte order mark, if the file has one. */
export async function dataStart(filePath: string): Promise<number> {
  const handle = await fs.promises.open(filePath, "r");
  try {
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    return bytesRead === 3 && head.equals(UTF8_BOM) ? 3 : 0;
  } finally {
    await handle.close();
  }
}

/**
 * Reads the header row of a CSV file and returns its names and the checkpoint just past it.
 * An empty file, or one whose first record cannot be read, is refused with the reason.
 */
export async function readCsvHeader(
  filePath: string,
  delimiter: CsvDelimiter,
): Promise<{ header: string[]; end: ReadFrom }> {
  const start = await dataStart(filePath);
  const records = fs.createReadStream(filePath, { start, highWaterMark: 64 * 1024 }).pipe(parser(delimiter, { to: 1 }));
  for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: Info }>) {
    return { header: record.map((name) => name.trim()), end: { bytes: start + info.bytes, lines: info.lines } };
  }
  throw new Error("The file is empty: there is no header row.");
}

/** Lines a record spans beyond its last one (quoted line breaks), for its first line's number. */
function extraLines(raw: string): number {
  let text = raw.replace(/^[\r\n]+/, "");
  if (text.endsWith("\n")) text = text.slice(0, text.endsWith("\r\n") ? -2 : -1);
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/**
 * Reads a CSV file from a checkpoint past its header: each record becomes an event object by
 * the column mapping and the number locale. A record the parser cannot read (an unclosed
 * quote, one over 1 MiB) becomes a rejected row with its line number. Streamed.
 */
export async function* readCsv(filePath: string, from: ReadFrom, options: CsvReadOptions): AsyncGenerator<ImportRow> {
  const skipped: ImportRow[] = [];
  const csv = parser(options.delimiter);
  csv.on("skip", (error: Error & { lines?: number }) => {
    const line = from.lines + (error.lines ?? 0);
    skipped.push({ line, raw: null, errors: [`row: ${error.message}`], end: { bytes: from.bytes, lines: from.lines } });
  });
  const source = fs.createReadStream(filePath, { start: from.bytes, highWaterMark: 1024 * 1024 });
  const feeding = pipeline(source, csv).catch((error: unknown) => csv.destroy(error as Error));
  let last: ReadFrom = from;
  for await (const { record, info, raw } of csv as AsyncIterable<{ record: string[]; info: Info; raw: string }>) {
    // A skipped record sits before this one; it ends where the previous good record ended.
    while (skipped.length > 0) yield { ...skipped.shift()!, end: last };
    const lastLine = from.lines + info.lines;
    const { event, errors } = csvRecordToEvent(record, options.mapping, options.decimal);
    const end = { bytes: from.bytes + info.bytes, lines: lastLine };
    yield { line: lastLine - extraLines(raw), raw: event, errors, end };
    last = end;
  }
  while (skipped.length > 0) yield { ...skipped.shift()!, end: last };
  await feeding;
}
