import { EVENT_TYPES } from "@/lib/events/enums";
import { EVENT_LIMITS, FIELD_RULES, type EventInput } from "@/lib/schemas/event";
import { MAX_TOPICS } from "@/lib/schemas/event-fields";
import { PHONE_DIGITS } from "@/lib/schemas/event-privacy";
import {
  EARLIEST_BIRTH_YEAR,
  MAX_TRAIT_KEY_LENGTH,
  MAX_TRAIT_STRING_LENGTH,
  MAX_TRAITS,
  MAX_TRAITS_BYTES,
} from "@/lib/schemas/event-traits";

/**
 * The words of the Event schema in the API description: what the zod checks that JSON
 * Schema cannot express (refinements, rules between fields) say, as in docs/api.md.
 */

const bytes = (n: number) => `${n.toLocaleString("en")} bytes`;

/** One description per field of the event; the type makes a new field impossible to forget. */
export const EVENT_FIELD_DESCRIPTIONS: Record<keyof EventInput, string> = {
  id:
    "Idempotency key, unique per workspace. Re-sending an event with a known id changes nothing and is " +
    "counted as a duplicate (the first stored wins). Without an id the server derives one from " +
    "(type, customerId, timestamp as a UTC instant in ms, channel, messageId, topic, value).",
  type: "The event type. Which other fields it requires or allows: see the Event description and x-field-rules.",
  customerId:
    "Your own customer key (CRM id), without leading or trailing whitespace. Never an e-mail address or a " +
    `phone number: a value containing something@a.dotted.domain, or made only of phone characters with ` +
    `${PHONE_DIGITS.min}–${PHONE_DIGITS.max} digits, is rejected.`,
  timestamp:
    "When it happened: ISO 8601 date and time with Z or a UTC offset (2026-03-01T09:30:00Z, " +
    "2026-03-01T10:30:00.250+01:00, …+0100, …+01); seconds and fractions optional. Stored as a UTC " +
    "instant with millisecond precision. Not before 2000-01-01T00:00:00Z, not more than 24 hours ahead " +
    "of the server's clock.",
  channel:
    "Required on message_* events. On unsubscribed, complained and consent_* a missing channel means every channel.",
  messageId: "Ties deliveries, bounces, opens and clicks to their send.",
  campaignId: "Groups messages.",
  messageKind:
    "On message_sent only; default promotional. Transactional messages (receipts, password resets) are not contacts.",
  topic:
    "What the content or product is about: a lower-case slug of 1–64 characters (a-z, 0-9, single dashes " +
    "between). Deliveries, bounces, opens and clicks without one take the topic of their send.",
  topics: `Topics of the items bought, or the topics asked for; at most ${MAX_TOPICS}, repeats kept once.`,
  maxPerWeek: "The contact frequency the customer asked for.",
  value: "Order value as a JSON number (stored with 4 decimal places); requires currency.",
  currency:
    "ISO 4217 code in upper case (DKK, EUR); required with value and only allowed with it. Codes replaced " +
    "by the euro or withdrawn since 2000 are accepted for historical data.",
  traits:
    `At least one and at most ${MAX_TRAITS} traits, names of 1–${MAX_TRAIT_KEY_LENGTH} characters, at most ` +
    `${bytes(MAX_TRAITS_BYTES)} serialised. Known traits: country (ISO 3166-1 alpha-2, upper case), locale ` +
    "(BCP 47 tag, stored in canonical form), signupDate (YYYY-MM-DD), loyaltyTier (1–64 characters), " +
    `birthYear (${EARLIEST_BIRTH_YEAR} to the current year), emailSha256 (SHA-256 of the e-mail address, 64 ` +
    "hex digits). Any other name is a custom trait: a string of at most " +
    `${MAX_TRAIT_STRING_LENGTH.toLocaleString("en")} characters, a number, a boolean or null. null clears a ` +
    "trait. A raw e-mail address in any trait is rejected: send emailSha256.",
  properties: `Free-form; kept, never interpreted. At most ${bytes(EVENT_LIMITS.maxPropertiesBytes)} serialised as UTF-8 JSON.`,
};

type RuledField = keyof typeof FIELD_RULES;
const RULED_FIELDS = Object.keys(FIELD_RULES) as RuledField[];
const code = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(", ");

/** Per type: the fields it requires and the ones it may have, from FIELD_RULES. */
function typeRules(): string[] {
  return EVENT_TYPES.map((type) => {
    const required = RULED_FIELDS.filter((name) => FIELD_RULES[name].required.includes(type));
    const optional = RULED_FIELDS.filter(
      (name) => FIELD_RULES[name].allowed.includes(type) && !required.includes(name),
    );
    const parts = [
      required.length > 0 ? `requires ${code(required)}` : "",
      optional.length > 0 ? `may have ${code(optional)}` : "",
    ].filter(Boolean);
    return `- \`${type}\`: ${parts.length > 0 ? parts.join("; ") : "no other fields"}.`;
  });
}

export const EVENT_DESCRIPTION = [
  "One event. Every type takes `id`, `type`, `customerId`, `timestamp` and `properties`. " +
    "`null` means the same as leaving a field out. A field that is not listed is rejected " +
    '(`"source: unknown field"`); a field given on a type that does not take it is rejected ' +
    '(`"maxPerWeek: not allowed for page_viewed"`), and a missing required one too ' +
    '(`"channel: required for message_sent"`). The same rules as data: `x-field-rules`.',
  "",
  ...typeRules(),
  "",
  "Beyond these: `purchased` needs `topics` (at least one) or `topic` for a single one, not both; " +
    "`preferences_updated` needs `topics` (an empty list states no topic preference) or `maxPerWeek`, or both; " +
    "`currency` is required with `value` and only allowed with it.",
].join("\n");

/** FIELD_RULES as an OpenAPI extension: per optional field, the types allowing and requiring it. */
export function fieldRulesExtension(): Record<RuledField, { allowed: string[]; required: string[] }> {
  return Object.fromEntries(
    RULED_FIELDS.map((name) => [
      name,
      { allowed: [...FIELD_RULES[name].allowed], required: [...FIELD_RULES[name].required] },
    ]),
  ) as Record<RuledField, { allowed: string[]; required: string[] }>;
}
