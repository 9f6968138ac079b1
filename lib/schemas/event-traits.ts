import { z } from "zod";

import { COUNTRY_CODES } from "./event-codes";
import { expected, serialisedBytes } from "./event-fields";
import { looksLikeEmailAddress, RAW_EMAIL_TRAIT_MESSAGE } from "./event-privacy";

/**
 * Traits of a customer_updated event (EVENTS.md): the known keys are validated, any other
 * key is kept as a custom trait if its value is a scalar. A null value clears the trait.
 */

export const MAX_TRAITS = 100;
export const MAX_TRAIT_KEY_LENGTH = 64;
export const MAX_TRAIT_STRING_LENGTH = 1_024;
export const MAX_TRAITS_BYTES = 8 * 1024;
export const EARLIEST_BIRTH_YEAR = 1900;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isLanguageTag(text: string): boolean {
  try {
    return text.length <= 35 && Intl.getCanonicalLocales(text).length === 1;
  } catch {
    return false;
  }
}

const COUNTRY_MESSAGE = "must be an upper-case ISO 3166-1 alpha-2 code such as DK";
const LOCALE_MESSAGE = "must be a BCP 47 language tag such as da-DK";
const DATE_MESSAGE = "must be a date YYYY-MM-DD";
const currentYear = () => new Date().getUTCFullYear();

const string = (what: string) => z.string({ error: expected(what) });

/** Schemas of the known traits; each also accepts null (clears the trait). */
export const KNOWN_TRAITS = {
  country: string("an ISO 3166-1 alpha-2 code such as DK").refine(
    (code) => COUNTRY_CODES.has(code),
    COUNTRY_MESSAGE,
  ),
  locale: string("a BCP 47 language tag such as da-DK")
    .refine(isLanguageTag, LOCALE_MESSAGE)
    .transform((tag) => Intl.getCanonicalLocales(tag)[0]),
  signupDate: string("a date YYYY-MM-DD").refine(isCalendarDate, DATE_MESSAGE),
  loyaltyTier: string("a string of 1–64 characters")
    .min(1, "must be a string of 1–64 characters")
    .max(64, "must be a string of 1–64 characters"),
  birthYear: z
    .number({ error: expected("a whole year") })
    .int("must be a whole year")
    .refine((year) => year >= EARLIEST_BIRTH_YEAR && year <= currentYear(), {
      error: () => `must be a year between ${EARLIEST_BIRTH_YEAR} and ${currentYear()}`,
    }),
  emailSha256: string("64 hexadecimal characters (SHA-256 of the e-mail address)")
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters (SHA-256 of the e-mail address)")
    .transform((hash) => hash.toLowerCase()),
} as const;

export type TraitValue = string | number | boolean | null;

const SCALAR_MESSAGE = "must be a string, number, boolean or null";

/** A custom trait: any scalar. */
const customTrait = z.union(
  [
    z.string().max(MAX_TRAIT_STRING_LENGTH, `must be at most ${MAX_TRAIT_STRING_LENGTH} characters`),
    z.number(),
    z.boolean(),
    z.null(),
  ],
  { error: () => SCALAR_MESSAGE },
);

export const traits = z
  .object(
    Object.fromEntries(
      Object.entries(KNOWN_TRAITS).map(([name, schema]) => [name, schema.nullable().optional()]),
    ) as {
      [K in keyof typeof KNOWN_TRAITS]: z.ZodOptional<z.ZodNullable<(typeof KNOWN_TRAITS)[K]>>;
    },
    { error: expected("an object") },
  )
  .catchall(customTrait)
  .superRefine(
    (object: unknown, ctx) => {
      // Runs even when a trait failed (every reason is reported), so the value may be raw input.
      if (typeof object !== "object" || object === null || Array.isArray(object)) return;
      const entries = Object.entries(object);
      if (entries.length === 0) ctx.addIssue({ code: "custom", message: "must name at least one trait" });
      if (entries.length > MAX_TRAITS)
        ctx.addIssue({ code: "custom", message: `at most ${MAX_TRAITS} traits` });
      for (const [name, value] of entries) {
        if (name.length === 0 || name.length > MAX_TRAIT_KEY_LENGTH) {
          ctx.addIssue({
            code: "custom",
            message: `trait names must be 1–${MAX_TRAIT_KEY_LENGTH} characters`,
            path: [name],
          });
        }
        if (typeof value === "string" && looksLikeEmailAddress(value)) {
          ctx.addIssue({ code: "custom", message: RAW_EMAIL_TRAIT_MESSAGE, path: [name] });
        }
      }
      // Nested values are refused above; measuring one could exhaust the stack.
      if (entries.some(([, value]) => typeof value === "object" && value !== null)) return;
      const bytes = serialisedBytes(object);
      if (bytes > MAX_TRAITS_BYTES) {
        ctx.addIssue({
          code: "custom",
          message: `larger than 8 KB serialised (${bytes.toLocaleString("en")} of at most ${MAX_TRAITS_BYTES.toLocaleString("en")} bytes)`,
        });
      }
    },
    { when: () => true },
  );

export type Traits = Record<string, TraitValue>;
