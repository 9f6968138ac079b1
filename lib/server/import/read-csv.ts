import "server-only";

import fs from "node:fs";

import { parse } from "csv-parse/sync";

import { csvRecordToEvent } from "@/lib/import/csv-record-to-event";
import type { ImportTarget } from "@/lib/import/import-fields";
import type { CsvDelimiter, DecimalSeparator } from "@/lib/schemas/import";

import { UTF8_BOM, type ImportRow, type ReadFrom } from "./import-row";
import { MAX_LINE_BYTES, readLines, type FileLine } from "./read-lines";

export interface CsvReadOptions {
  delimiter: CsvDelimiter;
  decimal: DecimalSeparator;
  mapping: readonly (ImportTarget | null)[];
}

/** A record (its lines together) longer than this is rejected. */
const MAX_RECORD_BYTES = MAX_LINE_BYTES;

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

const QUOTE = '"';

function countQuotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf(QUOTE); at !== -1; at = text.indexOf(QUOTE, at + 1)) count++;
  return count;
}

/** One CSV record: its first line, its text (lines joined), and the checkpoint past it. */
type CsvRecord =
  | { line: number; end: ReadFrom; text: string }
  | { line: number; end: ReadFrom; error: string; restart: ReadFrom };

/**
 * Groups a file's lines into CSV records. A record ends at a line break outside quotes: with
 * an even number of `"` so far (an escaped `""` counts two). Blank lines between records are
 * skipped. A record that never closes its quote (by the end of the file, or within 1 MiB) is
 * rejected by its first line, and reading restarts on the line after it — so one stray quote
 * costs one row, never the rest of the file.
 */
async function* readRecords(filePath: string, from: ReadFrom): AsyncGenerator<CsvRecord> {
  let position = from;
  restart: for (;;) {
    let parts: FileLine[] = [];
    let quotes = 0;
    let bytes = 0;
    for await (const current of readLines(filePath, position)) {
      const text = current.text;
      if (parts.length === 0 && text !== null && text.trim() === "") continue;
      if (text === null) {
        const first = parts[0] ?? current;
        yield {
          line: first.line,
          end: first.end,
          error: `row: longer than ${MAX_RECORD_BYTES / 1024} KiB`,
          restart: first.end,
        };
        position = first.end;
        continue restart;
      }
      parts.push(current);
      quotes += countQuotes(text);
      bytes += text.length;
      if (quotes % 2 === 1) {
        if (bytes <= MAX_RECORD_BYTES) continue;
        const first = parts[0];
        yield {
          line: first.line,
          end: first.end,
          error: "row: a quoted field is not closed within 1 MiB",
          restart: first.end,
        };
        position = first.end;
        continue restart;
      }
      const joined = parts.length === 1 ? text : parts.map((part) => part.text).join("\n");
      yield {
        line: parts[0].line,
        end: current.end,
        text: joined.endsWith("\r") ? joined.slice(0, -1) : joined,
      };
      parts = [];
      quotes = 0;
      bytes = 0;
    }
    if (parts.length > 0) {
      const first = parts[0];
      yield {
        line: first.line,
        end: first.end,
        error: "row: a quoted field is not closed by the end of the file",
        restart: first.end,
      };
      position = first.end;
      continue;
    }
    return;
  }
}

/** A record's cells: a plain split when it has no quotes (most rows), else csv-parse. */
function cells(text: string, delimiter: CsvDelimiter): string[] {
  if (!text.includes(QUOTE)) return text.split(delimiter);
  const records = parse(text, { delimiter, relax_column_count: true }) as string[][];
  if (records.length !== 1) throw new Error("holds more than one record");
  return records[0];
}

/**
 * Reads the header row of a CSV file and returns its names and the checkpoint just past it.
 * An empty file, or one whose first record cannot be read, is refused with the reason.
 */
export async function readCsvHeader(
  filePath: string,
  delimiter: CsvDelimiter,
): Promise<{ header: string[]; end: ReadFrom }> {
  const records = readRecords(filePath, { bytes: await dataStart(filePath), lines: 0 });
  try {
    for await (const record of records) {
      if ("error" in record) throw new Error(record.error.replace(/^row: /, ""));
      return { header: cells(record.text, delimiter).map((name) => name.trim()), end: record.end };
    }
  } finally {
    await records.return(undefined);
  }
  throw new Error("The file is empty: there is no header row.");
}

/**
 * Reads a CSV file from a checkpoint past its header: each record becomes an event object by
 * the column mapping and the number locale, numbered by its first line. A record that cannot
 * be read becomes a rejected row with its line number and the reason. Streamed.
 */
export async function* readCsv(
  filePath: string,
  from: ReadFrom,
  options: CsvReadOptions,
): AsyncGenerator<ImportRow> {
  for await (const record of readRecords(filePath, from)) {
    if ("error" in record) {
      yield { line: record.line, raw: null, errors: [record.error], end: record.end };
      continue;
    }
    let values: string[];
    try {
      values = cells(record.text, options.delimiter);
    } catch (error) {
      // The parser counts lines within the record; the row's own line number is given instead.
      const reason = (error as Error).message.replace(/ at line \d+/, "");
      yield { line: record.line, raw: null, errors: [`row: ${reason}`], end: record.end };
      continue;
    }
    const { event, errors } = csvRecordToEvent(values, options.mapping, options.decimal);
    yield { line: record.line, raw: event, errors, end: record.end };
  }
}
