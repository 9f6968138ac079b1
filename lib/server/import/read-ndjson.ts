import "server-only";

import fs from "node:fs";

import { UnparsedEvent } from "@/lib/schemas/event";

import type { ImportRow, ReadFrom } from "./import-row";

/** A line longer than this is rejected unread, so one bad line cannot exhaust memory. */
export const MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * Reads an NDJSON file from a checkpoint: one event per line, blank lines skipped, a line
 * that is not JSON (or is over 1 MiB) becomes a rejected row with its line number. The file
 * is streamed; only the current line is held.
 */
export async function* readNdjson(filePath: string, from: ReadFrom): AsyncGenerator<ImportRow> {
  let offset = from.bytes;
  let line = from.lines;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;

  const finish = (endOffset: number): ImportRow | null => {
    line++;
    const end = { bytes: endOffset, lines: line };
    if (tooLong) {
      tooLong = false;
      return { line, raw: null, errors: [`line: longer than ${MAX_LINE_BYTES / 1024} KiB`], end };
    }
    const text = (pending.length === 1 ? pending[0] : Buffer.concat(pending)).toString("utf8");
    pending = [];
    pendingBytes = 0;
    if (text.trim() === "") return null;
    try {
      return { line, raw: JSON.parse(text), end };
    } catch (error) {
      return { line, raw: new UnparsedEvent((error as Error).message), end };
    }
  };

  const stream = fs.createReadStream(filePath, { start: from.bytes, highWaterMark: 1024 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
      append(chunk.subarray(start, at));
      const row = finish(offset + at + 1);
      if (row) yield row;
      start = at + 1;
    }
    append(chunk.subarray(start));
    offset += chunk.length;
  }
  if (pendingBytes > 0 || tooLong) {
    const row = finish(offset);
    if (row) yield row;
  }

  function append(part: Buffer) {
    if (part.length === 0 || tooLong) return;
    if (pendingBytes + part.length > MAX_LINE_BYTES) {
      tooLong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part); // read streams hand out fresh buffers: no copy needed
    pendingBytes += part.length;
  }
}
