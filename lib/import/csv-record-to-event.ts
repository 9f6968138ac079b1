import { KNOWN_TRAITS } from "@/lib/schemas/event-traits";
import type { DecimalSeparator } from "@/lib/schemas/import";

import { nestedTarget, type ImportTarget } from "./import-fields";

/**
 * Turns one CSV row into an event object for the one event schema (lib/schemas/event.ts):
 * empty cells are left out; `topics` is split on `|`; `value` and `maxPerWeek` are read in
 * the file's number locale; the known text traits (country, locale, signupDate, loyaltyTier,
 * emailSha256) stay text; other `traits.*` / `properties.*` cells become numbers when they are
 * plain numbers in that locale (no leading zeros, so codes such as "0150" stay text), true /
 * false become booleans, anything else stays text. A number that cannot be read is reported
 * with the locale, e.g. `value: "12.50" is not a number with decimal comma`.
 */
export function csvRecordToEvent(
  record: readonly string[],
  mapping: readonly (ImportTarget | null)[],
  decimal: DecimalSeparator,
): { event: Record<string, unknown>; errors: string[] } {
  const event: Record<string, unknown> = {};
  const errors: string[] = [];
  if (record.length !== mapping.length) {
    errors.push(`row: has ${record.length} columns, the header has ${mapping.length}`);
  }
  const count = Math.min(record.length, mapping.length);
  for (let index = 0; index < count; index++) {
    const target = mapping[index];
    const cell = record[index].trim();
    if (target === null || cell === "") continue;
    const nested = nestedTarget(target);
    if (nested) {
      const object = (event[nested.object] ??= {}) as Record<string, unknown>;
      object[nested.key] = isTextTrait(nested) ? cell : scalar(cell, decimal);
    } else if (target === "topics") {
      event.topics = cell
        .split("|")
        .map((topic) => topic.trim())
        .filter((topic) => topic !== "");
    } else if (target === "value" || target === "maxPerWeek") {
      const number = parseNumber(cell, decimal);
      if (number === null)
        errors.push(`${target}: ${JSON.stringify(cell)} is not a number with ${label(decimal)}`);
      else event[target] = number;
    } else {
      event[target] = cell;
    }
  }
  return { event, errors };
}

const TEXT_TRAITS = new Set(Object.keys(KNOWN_TRAITS).filter((name) => name !== "birthYear"));
const isTextTrait = (target: { object: string; key: string }) =>
  target.object === "traits" && TEXT_TRAITS.has(target.key);

const label = (decimal: DecimalSeparator) => (decimal === "comma" ? "decimal comma" : "decimal point");

const NUMBER = { point: /^-?\d+(\.\d+)?$/, comma: /^-?\d+(,\d+)?$/ } as const;
const PLAIN = { point: /^-?(0|[1-9]\d{0,14})(\.\d+)?$/, comma: /^-?(0|[1-9]\d{0,14})(,\d+)?$/ } as const;

/** A number written in the locale (no thousands separators), or null. */
export function parseNumber(cell: string, decimal: DecimalSeparator): number | null {
  if (!NUMBER[decimal].test(cell)) return null;
  return Number(decimal === "comma" ? cell.replace(",", ".") : cell);
}

function scalar(cell: string, decimal: DecimalSeparator): string | number | boolean {
  if (cell === "true") return true;
  if (cell === "false") return false;
  if (PLAIN[decimal].test(cell)) return Number(decimal === "comma" ? cell.replace(",", ".") : cell);
  return cell;
}
