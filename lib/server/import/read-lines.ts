import "server-only";

import fs from "node:fs";

import type { ReadFrom } from "./import-row";

/** A line longer than this is rejected unread, so one bad line cannot exhaust memory. */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface FileLine {
  /** The line's text without its `\n` (a `\r` before it is kept), or null when over the limit. */
  text: string | null;
  /** Its number in the file (1-based). */
  line: number;
  /** The checkpoint just past it. */
  end: ReadFrom;
}

const NEWLINE = 0x0a;

/**
 * Streams a file's lines from a checkpoint with their numbers and byte offsets, holding only
 * the current line. The line-based readers (NDJSON, CSV) build on it, so every row's line
 * number and checkpoint is exact, whatever the buffer boundaries.
 */
export async function* readLines(filePath: string, from: ReadFrom): AsyncGenerator<FileLine> {
  let offset = from.bytes;
  let line = from.lines;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;

  const take = (endOffset: number): FileLine => {
    line++;
    const text = tooLong
      ? null
      : (pending.length === 1 ? pending[0] : Buffer.concat(pending)).toString("utf8");
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    return { text, line, end: { bytes: endOffset, lines: line } };
  };
  const append = (part: Buffer) => {
    if (part.length === 0 || tooLong) return;
    if (pendingBytes + part.length > MAX_LINE_BYTES) {
      tooLong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part); // read streams hand out fresh buffers: no copy needed
    pendingBytes += part.length;
  };

  const stream = fs.createReadStream(filePath, { start: from.bytes, highWaterMark: 1024 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
      append(chunk.subarray(start, at));
      yield take(offset + at + 1);
      start = at + 1;
    }
    append(chunk.subarray(start));
    offset += chunk.length;
  }
  if (pendingBytes > 0 || tooLong) yield take(offset);
}
