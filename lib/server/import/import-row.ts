import "server-only";

/** One row of an import file, read from a checkpoint onwards. */
export interface ImportRow {
  /** The line the row starts on (1-based, the CSV header is line 1). */
  line: number;
  /** The event object for the schema, or an UnparsedEvent. */
  raw: unknown;
  /** Reasons found while reading the row (CSV cells), before validation. */
  errors?: string[];
  /** The checkpoint just past this row: byte offset and lines consumed. */
  end: { bytes: number; lines: number };
}

/** Where reading starts: the batch's checkpoint. */
export interface ReadFrom {
  bytes: number;
  lines: number;
}

/** A UTF-8 byte order mark at the start of a file is skipped, never read as data. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
