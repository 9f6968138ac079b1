import { z } from "zod";

import { expected } from "./event-fields";

/** Earliest accepted instant: 2000-01-01T00:00:00Z. */
export const EARLIEST_TIMESTAMP = Date.UTC(2000, 0, 1);
/** How far into the future (against the server clock) a timestamp may lie. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

// YYYY-MM-DDTHH:MM[:SS[.fraction]] followed by Z or an offset ±HH[:MM] / ±HHMM.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?/;
const OFFSET = /^(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * Parses an ISO 8601 date-time with `Z` or a UTC offset into UTC milliseconds (fractions
 * below a millisecond are cut off), or says what is wrong with it.
 */
export function parseTimestamp(text: string): { ms: number } | { error: string } {
  const match = DATE_TIME.exec(text);
  if (!match) return { error: "not ISO 8601" };
  const rest = text.slice(match[0].length);
  if (rest === "") return { error: "needs a UTC offset or Z (e.g. 2026-03-01T09:30:00Z)" };
  const offset = OFFSET.exec(rest);
  if (!offset) return { error: "not ISO 8601" };

  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millis = Number((match[7] ?? "").padEnd(3, "0").slice(0, 3));
  const offsetHours = Number(offset[2] ?? 0);
  const offsetMinutes = Number(offset[3] ?? 0);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return { error: "not a valid date and time" };
  }
  const sign = offset[1] === "-" ? -1 : 1;
  return { ms: local - sign * (offsetHours * 60 + offsetMinutes) * 60_000 };
}

/** When the event happened, as a Date in UTC; between 2000-01-01 and 24 h from now. */
export const timestamp = z
  .string({ error: expected("an ISO 8601 string such as 2026-03-01T09:30:00Z") })
  .transform((text, ctx) => {
    const parsed = parseTimestamp(text);
    if ("error" in parsed) {
      ctx.issues.push({ code: "custom", message: parsed.error, input: text });
      return z.NEVER;
    }
    if (parsed.ms < EARLIEST_TIMESTAMP) {
      ctx.issues.push({ code: "custom", message: "before 2000-01-01", input: text });
      return z.NEVER;
    }
    if (parsed.ms > Date.now() + MAX_FUTURE_MS) {
      ctx.issues.push({ code: "custom", message: "more than 24 hours in the future", input: text });
      return z.NEVER;
    }
    return new Date(parsed.ms);
  });
