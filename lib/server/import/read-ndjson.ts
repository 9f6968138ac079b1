import "server-only";

import { UnparsedEvent } from "@/lib/schemas/event";

import type { ImportRow, ReadFrom } from "./import-row";
import { MAX_LINE_BYTES, readLines } from "./read-lines";

export { MAX_LINE_BYTES } from "./read-lines";

/**
 * Reads an NDJSON file from a checkpoint: one event per line, blank lines skipped, a line
 * that is not JSON (or is over 1 MiB) becomes a rejected row with its line number. Streamed.
 */
export async function* readNdjson(filePath: string, from: ReadFrom): AsyncGenerator<ImportRow> {
  for await (const { text, line, end } of readLines(filePath, from)) {
    if (text === null) {
      yield { line, raw: null, errors: [`line: longer than ${MAX_LINE_BYTES / 1024} KiB`], end };
      continue;
    }
    if (text.trim() === "") continue;
    try {
      yield { line, raw: JSON.parse(text), end };
    } catch (error) {
      yield { line, raw: new UnparsedEvent((error as Error).message), end };
    }
  }
}
