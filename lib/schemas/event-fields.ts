import { z } from "zod";

import { CHANNELS, EVENT_TYPES, MESSAGE_KINDS } from "@/lib/events/enums";

import { CURRENCY_CODES } from "./event-codes";
import {
  CUSTOMER_ID_EMAIL_MESSAGE,
  CUSTOMER_ID_PHONE_MESSAGE,
  looksLikeEmailAddress,
  looksLikePhoneNumber,
} from "./event-privacy";
import { jsonDepth } from "./json-shape";

/** Small pieces of the event schema (lib/schemas/event.ts), one per kind of field. */

/** The message of a type error: "required" when the field is missing, else what it must be. */
export const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "required" : `must be ${what}`;

/** A string key of 1–`max` characters (ids, message and campaign ids). */
export function key(max = 128) {
  const message = `must be a string of 1–${max} characters`;
  return z
    .string({ error: expected(`a string of 1–${max} characters`) })
    .min(1, message)
    .max(max, message);
}

export const eventType = z.enum(EVENT_TYPES, {
  error: (issue) =>
    issue.input === undefined ? "required" : `unknown event type ${JSON.stringify(issue.input)}`,
});

export const channel = z.enum(CHANNELS, {
  error: (issue) => `unknown channel ${JSON.stringify(issue.input)}; use one of ${CHANNELS.join(", ")}`,
});

export const messageKind = z.enum(MESSAGE_KINDS, {
  error: () => `must be one of ${MESSAGE_KINDS.join(", ")}`,
});

/** The workspace's own customer key, guarded against e-mail addresses and phone numbers. */
export const customerId = key()
  .refine((value) => value.trim() === value, "must not start or end with whitespace")
  .refine((value) => !looksLikeEmailAddress(value), CUSTOMER_ID_EMAIL_MESSAGE)
  .refine((value) => !looksLikePhoneNumber(value), CUSTOMER_ID_PHONE_MESSAGE);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MESSAGE = "must be a lower-case slug of 1–64 characters (a-z, 0-9, single dashes between)";

/** A topic: a lower-case slug such as `trail-running`. */
export const topic = z
  .string({ error: expected("a lower-case slug of 1–64 characters") })
  .max(64, SLUG_MESSAGE)
  .regex(SLUG, SLUG_MESSAGE);

export const MAX_TOPICS = 50;

/** A list of distinct topics (duplicates are dropped, first occurrence kept). */
export const topics = z
  .array(topic, { error: expected("an array of topics") })
  .max(MAX_TOPICS, `at most ${MAX_TOPICS} topics`)
  .transform((list) => [...new Set(list)]);

export const maxPerWeek = z
  .number({ error: expected("a number greater than 0") })
  .gt(0, "must be a number greater than 0")
  .max(1_000, "must be at most 1000");

/** Order values fit Decimal(18, 4): below 10^14. */
export const MAX_VALUE = 1e14;

export const value = z
  .number({ error: expected("a number ≥ 0") })
  .min(0, "must be a number ≥ 0")
  .lt(MAX_VALUE, "must be below 100,000,000,000,000");

export const currency = z
  .string({ error: expected("an ISO 4217 code such as EUR") })
  .refine((code) => CURRENCY_CODES.has(code), "must be an upper-case ISO 4217 code such as EUR");

/** A plain JSON object (not an array, not null). */
export const jsonObject = z.record(z.string(), z.unknown(), { error: expected("an object") });

/** UTF-8 size of a value serialised as JSON (runs in the browser too: no Buffer). */
export function serialisedBytes(value: unknown): number {
  const text = JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair (JSON.stringify escapes lone surrogates)
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export const MAX_PROPERTIES_BYTES = 8 * 1024;
/** Nesting allowed in properties, checked first: measuring a deeper value could exhaust the stack. */
export const MAX_PROPERTIES_DEPTH = 64;

export const properties = jsonObject.superRefine((object, ctx) => {
  if (jsonDepth(object, MAX_PROPERTIES_DEPTH) > MAX_PROPERTIES_DEPTH) {
    ctx.addIssue({ code: "custom", message: `nests deeper than ${MAX_PROPERTIES_DEPTH} levels` });
    return;
  }
  const bytes = serialisedBytes(object);
  if (bytes > MAX_PROPERTIES_BYTES) {
    ctx.addIssue({
      code: "custom",
      message: `larger than 8 KB serialised (${bytes.toLocaleString("en")} of at most ${MAX_PROPERTIES_BYTES.toLocaleString("en")} bytes)`,
    });
  }
});
