import { validateEvent } from "@/lib/schemas/event";

import { PREVIEW_ROWS } from "./csv-preview";

export interface NdjsonPreviewLine {
  line: number;
  text: string;
  /** The parsed value, or undefined when the line is not JSON. */
  value: unknown;
  /** Why the line is not JSON. */
  notJson: string | null;
  /** What the event schema says about a JSON line (empty when it is a valid event). */
  errors: string[];
}

/** The first non-blank lines of an NDJSON text, each parsed and checked like the import does. */
export function parseNdjsonPreview(text: string): NdjsonPreviewLine[] {
  const lines: NdjsonPreviewLine[] = [];
  const all = text.split("\n");
  for (let index = 0; index < all.length && lines.length < PREVIEW_ROWS; index++) {
    const line = all[index].replace(/\r$/, "");
    if (line.trim() === "") continue;
    try {
      const value: unknown = JSON.parse(line);
      const validation = validateEvent(value);
      lines.push({
        line: index + 1,
        text: line,
        value,
        notJson: null,
        errors: validation.ok ? [] : validation.errors,
      });
    } catch (error) {
      lines.push({
        line: index + 1,
        text: line,
        value: undefined,
        notJson: (error as Error).message,
        errors: [],
      });
    }
  }
  return lines;
}
