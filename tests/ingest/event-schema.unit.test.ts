import { describe, expect, test } from "vitest";

import { EVENT_TYPES, type EventTypeName } from "@/lib/events/enums";
import { UnparsedEvent, validateEvent } from "@/lib/schemas/event";

import { AT, type RawEvent } from "./event-fixtures";

/** The smallest valid event of each type. */
const MINIMAL: Record<EventTypeName, RawEvent> = {
  message_sent: { channel: "email", messageId: "m-1" },
  message_delivered: { channel: "email", messageId: "m-1" },
  message_bounced: { channel: "email", messageId: "m-1" },
  message_opened: { channel: "email", messageId: "m-1" },
  message_clicked: { channel: "email", messageId: "m-1" },
  unsubscribed: {},
  complained: {},
  consent_granted: {},
  consent_withdrawn: {},
  preferences_updated: { topics: ["running"] },
  page_viewed: {},
  product_viewed: { topic: "running" },
  cart_added: { topic: "running" },
  purchased: { topics: ["running"], value: 10, currency: "DKK" },
  refunded: {},
  customer_updated: { traits: { country: "DK" } },
};

function event(type: EventTypeName, patch: RawEvent = {}): RawEvent {
  const base: RawEvent = { type, customerId: "c-00042", timestamp: AT, ...MINIMAL[type], ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete base[key];
  return base;
}

function errorsOf(raw: unknown): string[] {
  const result = validateEvent(raw);
  return result.ok ? [] : result.errors;
}

function accepted(raw: unknown) {
  const result = validateEvent(raw);
  if (!result.ok) expect.fail(`expected the event to be accepted, got ${JSON.stringify(result.errors)}`);
  return result.event;
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe("valid events", () => {
  test.each(EVENT_TYPES)("the minimal %s is accepted", (type) => {
    expect(errorsOf(event(type))).toEqual([]);
  });

  test("the EVENTS.md example is accepted and normalised", () => {
    const example = {
      id: "evt-000123",
      type: "message_sent",
      customerId: "c-00042",
      timestamp: "2026-03-01T09:30:00Z",
      channel: "email",
      messageId: "m-2026-03-01-spring",
      campaignId: "spring-newsletter",
      messageKind: "promotional",
      topic: "running",
      properties: { subject: "Spring is here" },
    };
    expect(accepted(example)).toEqual({
      id: "evt-000123",
      type: "message_sent",
      customerId: "c-00042",
      timestamp: new Date("2026-03-01T09:30:00.000Z"),
      channel: "email",
      messageId: "m-2026-03-01-spring",
      campaignId: "spring-newsletter",
      messageKind: "promotional",
      topic: "running",
      topics: [],
      maxPerWeek: null,
      value: null,
      currency: null,
      traits: null,
      properties: { subject: "Spring is here" },
    });
  });

  test("a timestamp with an offset is stored as the same instant in UTC; fractions below 1 ms are cut", () => {
    expect(accepted(event("page_viewed", { timestamp: "2026-03-01T10:30:00+01:00" })).timestamp).toEqual(
      new Date("2026-03-01T09:30:00Z"),
    );
    expect(accepted(event("page_viewed", { timestamp: "2026-03-01T04:00:00.1239-0530" })).timestamp).toEqual(
      new Date("2026-03-01T09:30:00.123Z"),
    );
    expect(accepted(event("page_viewed", { timestamp: "2026-03-01T11:30+02" })).timestamp).toEqual(
      new Date("2026-03-01T09:30:00Z"),
    );
  });

  test("a timestamp 23 hours ahead is accepted", () => {
    expect(errorsOf(event("page_viewed", { timestamp: hoursFromNow(23) }))).toEqual([]);
  });

  test("message_sent defaults to promotional; other types have no messageKind", () => {
    expect(accepted(event("message_sent")).messageKind).toBe("promotional");
    expect(accepted(event("message_sent", { messageKind: "transactional" })).messageKind).toBe(
      "transactional",
    );
    expect(accepted(event("message_opened")).messageKind).toBeNull();
  });

  test("a purchase's single topic becomes its topics", () => {
    const purchase = accepted(event("purchased", { topics: undefined, topic: "running" }));
    expect(purchase.topics).toEqual(["running"]);
    expect(purchase.topic).toBeNull();
  });

  test("null means the same as leaving a field out", () => {
    const sent = accepted(
      event("message_sent", { id: null, topic: null, campaignId: null, properties: null }),
    );
    expect(sent).toMatchObject({ id: null, topic: null, campaignId: null, properties: null });
    // ...so a null field that does not apply to the type is no error either
    expect(errorsOf(event("customer_updated", { channel: null, maxPerWeek: null }))).toEqual([]);
  });

  test("repeated topics are kept once, in order", () => {
    expect(accepted(event("preferences_updated", { topics: ["b", "a", "b"] })).topics).toEqual(["b", "a"]);
  });

  test("channel may be left out on consent events (it means every channel) and given on behaviour and commerce", () => {
    expect(accepted(event("unsubscribed")).channel).toBeNull();
    expect(accepted(event("consent_granted", { channel: "sms" })).channel).toBe("sms");
    expect(accepted(event("page_viewed", { channel: "web" })).channel).toBe("web");
    expect(accepted(event("purchased", { channel: "store" })).channel).toBe("store");
  });

  test("an unsubscribe or complaint may name the message it came from", () => {
    expect(errorsOf(event("unsubscribed", { messageId: "m-1", campaignId: "spring" }))).toEqual([]);
    expect(errorsOf(event("complained", { messageId: "m-1", channel: "email" }))).toEqual([]);
  });

  test("preferences_updated needs topics or maxPerWeek; an empty topic list states no topic preference", () => {
    expect(errorsOf(event("preferences_updated", { topics: undefined, maxPerWeek: 2 }))).toEqual([]);
    expect(accepted(event("preferences_updated", { topics: [] })).topics).toEqual([]);
  });

  test("a refund may carry a value, with its currency", () => {
    expect(errorsOf(event("refunded", { value: 0, currency: "EUR" }))).toEqual([]);
  });

  test("known traits are normalised and custom scalar traits kept; null clears a trait", () => {
    const hash = "AB".repeat(32);
    const updated = accepted(
      event("customer_updated", {
        traits: {
          country: "NO",
          locale: "nb-no",
          signupDate: "2024-02-29",
          loyaltyTier: "gold",
          birthYear: 1984,
          emailSha256: hash,
          loyaltyClub: true,
          shoeSize: 43.5,
          favouriteStore: "Oslo City",
          nickname: null,
        },
      }),
    );
    expect(updated.traits).toEqual({
      country: "NO",
      locale: "nb-NO",
      signupDate: "2024-02-29",
      loyaltyTier: "gold",
      birthYear: 1984,
      emailSha256: hash.toLowerCase(),
      loyaltyClub: true,
      shoeSize: 43.5,
      favouriteStore: "Oslo City",
      nickname: null,
    });
  });

  test("properties of exactly 8 KB serialised are accepted", () => {
    // {"a":"xxx…"} is 8 bytes plus the string
    expect(errorsOf(event("page_viewed", { properties: { a: "x".repeat(8184) } }))).toEqual([]);
  });
});

describe("the privacy guard", () => {
  test.each([
    "c-00042",
    "12345",
    "0042137",
    "CRM-2024-000017",
    "c@42",
    "user-at-example.com",
    "ABC 123 456 789",
  ])("%s is an ordinary customer key", (customerId) => {
    expect(errorsOf(event("page_viewed", { customerId }))).toEqual([]);
  });

  test.each(["anna@example.com", "ANNA.HANSEN+news@mail.example.dk", "mailto:anna@example.com"])(
    "%s is rejected as an e-mail address",
    (customerId) => {
      expect(errorsOf(event("page_viewed", { customerId }))).toEqual([
        "customerId: looks like an e-mail address; use your own customer key (CRM id)",
      ]);
    },
  );

  test.each([
    "+4512345678",
    "12345678",
    "+45 12 34 56 78",
    "(555) 123-4567",
    "0045-1234-5678",
    "+1 (555) 010.9999",
  ])("%s is rejected as a phone number (8–15 digits and nothing but phone punctuation)", (customerId) => {
    expect(errorsOf(event("page_viewed", { customerId }))).toEqual([
      "customerId: looks like a phone number; use your own customer key (CRM id)",
    ]);
  });

  test("a 16-digit number is not taken for a phone number", () => {
    expect(errorsOf(event("page_viewed", { customerId: "1234567890123456" }))).toEqual([]);
  });

  test("a raw e-mail address in any trait is rejected; the hash is the way", () => {
    expect(
      errorsOf(event("customer_updated", { traits: { email: "anna@example.com", loyaltyTier: "x a@b.co" } })),
    ).toEqual([
      "traits.loyaltyTier: raw e-mail addresses are not accepted; send emailSha256",
      "traits.email: raw e-mail addresses are not accepted; send emailSha256",
    ]);
  });
});

describe("rejections, one rule each, with the exact reason", () => {
  const long = (n: number) => "x".repeat(n);

  test.each<[string, unknown, string[]]>([
    ["an array is not an event", [], ["event: must be a JSON object"]],
    ["null is not an event", null, ["event: must be a JSON object"]],
    ["a string is not an event", "page_viewed", ["event: must be a JSON object"]],
    ["an unknown top-level field", event("page_viewed", { source: "web" }), ["source: unknown field"]],
    ["every required field", {}, ["type: required", "customerId: required", "timestamp: required"]],
    ["id: empty", event("page_viewed", { id: "" }), ["id: must be a string of 1–128 characters"]],
    [
      "id: 129 characters",
      event("page_viewed", { id: long(129) }),
      ["id: must be a string of 1–128 characters"],
    ],
    ["id: a number", event("page_viewed", { id: 17 }), ["id: must be a string of 1–128 characters"]],
    ["type: unknown", event("page_viewed", { type: "signed_up" }), ['type: unknown event type "signed_up"']],
    [
      "customerId: empty",
      event("page_viewed", { customerId: "" }),
      ["customerId: must be a string of 1–128 characters"],
    ],
    [
      "customerId: 129 characters",
      event("page_viewed", { customerId: long(129) }),
      ["customerId: must be a string of 1–128 characters"],
    ],
    [
      "customerId: padded with whitespace",
      event("page_viewed", { customerId: " c-1" }),
      ["customerId: must not start or end with whitespace"],
    ],
    ["timestamp: not a date", event("page_viewed", { timestamp: "yesterday" }), ["timestamp: not ISO 8601"]],
    [
      "timestamp: a date without time",
      event("page_viewed", { timestamp: "2026-03-01" }),
      ["timestamp: not ISO 8601"],
    ],
    [
      "timestamp: no offset",
      event("page_viewed", { timestamp: "2026-03-01T09:30:00" }),
      ["timestamp: needs a UTC offset or Z (e.g. 2026-03-01T09:30:00Z)"],
    ],
    [
      "timestamp: a day that does not exist",
      event("page_viewed", { timestamp: "2026-02-29T09:30:00Z" }),
      ["timestamp: not a valid date and time"],
    ],
    [
      "timestamp: epoch milliseconds",
      event("page_viewed", { timestamp: 1772357400000 }),
      ["timestamp: must be an ISO 8601 string such as 2026-03-01T09:30:00Z"],
    ],
    [
      "timestamp: before 2000",
      event("page_viewed", { timestamp: "1999-12-31T23:59:59.999Z" }),
      ["timestamp: before 2000-01-01"],
    ],
    [
      "channel: unknown",
      event("message_sent", { channel: "fax" }),
      [
        'channel: unknown channel "fax"; use one of email, sms, push, in_app, web, app, store, phone, direct_mail',
      ],
    ],
    [
      "channel: required for message_sent",
      event("message_sent", { channel: undefined }),
      ["channel: required for message_sent"],
    ],
    [
      "channel: required for message_clicked",
      event("message_clicked", { channel: undefined }),
      ["channel: required for message_clicked"],
    ],
    [
      "channel: not allowed for customer_updated",
      event("customer_updated", { channel: "email" }),
      ["channel: not allowed for customer_updated"],
    ],
    [
      "channel: not allowed for preferences_updated",
      event("preferences_updated", { channel: "email" }),
      ["channel: not allowed for preferences_updated"],
    ],
    [
      "messageId: required for message_opened",
      event("message_opened", { messageId: undefined }),
      ["messageId: required for message_opened"],
    ],
    [
      "messageId: 129 characters",
      event("message_opened", { messageId: long(129) }),
      ["messageId: must be a string of 1–128 characters"],
    ],
    [
      "messageId: not allowed for page_viewed",
      event("page_viewed", { messageId: "m-1" }),
      ["messageId: not allowed for page_viewed"],
    ],
    [
      "campaignId: not allowed for purchased",
      event("purchased", { campaignId: "spring" }),
      ["campaignId: not allowed for purchased"],
    ],
    [
      "messageKind: unknown",
      event("message_sent", { messageKind: "marketing" }),
      ["messageKind: must be one of promotional, lifecycle, transactional"],
    ],
    [
      "messageKind: only on message_sent",
      event("message_opened", { messageKind: "promotional" }),
      ["messageKind: not allowed for message_opened"],
    ],
    [
      "topic: upper case",
      event("product_viewed", { topic: "Running" }),
      ["topic: must be a lower-case slug of 1–64 characters (a-z, 0-9, single dashes between)"],
    ],
    [
      "topic: a double dash",
      event("product_viewed", { topic: "trail--running" }),
      ["topic: must be a lower-case slug of 1–64 characters (a-z, 0-9, single dashes between)"],
    ],
    [
      "topic: 65 characters",
      event("product_viewed", { topic: long(65) }),
      ["topic: must be a lower-case slug of 1–64 characters (a-z, 0-9, single dashes between)"],
    ],
    [
      "topic: required for product_viewed",
      event("product_viewed", { topic: undefined }),
      ["topic: required for product_viewed"],
    ],
    [
      "topic: required for cart_added",
      event("cart_added", { topic: undefined }),
      ["topic: required for cart_added"],
    ],
    [
      "topic: not allowed for customer_updated",
      event("customer_updated", { topic: "running" }),
      ["topic: not allowed for customer_updated"],
    ],
    [
      "topics: not an array",
      event("purchased", { topics: "running" }),
      ["topics: must be an array of topics"],
    ],
    [
      "topics: an invalid topic",
      event("purchased", { topics: ["running", "Trail Running"] }),
      ["topics.1: must be a lower-case slug of 1–64 characters (a-z, 0-9, single dashes between)"],
    ],
    [
      "topics: more than 50",
      event("preferences_updated", { topics: Array.from({ length: 51 }, (_, i) => `t${i}`) }),
      ["topics: at most 50 topics"],
    ],
    [
      "topics: required for purchased",
      event("purchased", { topics: undefined }),
      ["topics: required for purchased (or topic for one)"],
    ],
    [
      "topics: empty on purchased",
      event("purchased", { topics: [] }),
      ["topics: at least one topic for purchased"],
    ],
    [
      "topic and topics together on purchased",
      event("purchased", { topic: "running" }),
      ["topic: give topic or topics on purchased, not both"],
    ],
    [
      "topics: not allowed for page_viewed",
      event("page_viewed", { topics: ["running"] }),
      ["topics: not allowed for page_viewed"],
    ],
    [
      "preferences_updated with neither topics nor maxPerWeek",
      event("preferences_updated", { topics: undefined }),
      ["topics: required for preferences_updated unless maxPerWeek is given"],
    ],
    [
      "maxPerWeek: zero",
      event("preferences_updated", { maxPerWeek: 0 }),
      ["maxPerWeek: must be a number greater than 0"],
    ],
    [
      "maxPerWeek: a string",
      event("preferences_updated", { maxPerWeek: "3" }),
      ["maxPerWeek: must be a number greater than 0"],
    ],
    [
      "maxPerWeek: not allowed for message_sent",
      event("message_sent", { maxPerWeek: 3 }),
      ["maxPerWeek: not allowed for message_sent"],
    ],
    ["value: negative", event("purchased", { value: -1 }), ["value: must be a number ≥ 0"]],
    ["value: a string", event("purchased", { value: "10.00" }), ["value: must be a number ≥ 0"]],
    ["value: 10^14", event("purchased", { value: 1e14 }), ["value: must be below 100,000,000,000,000"]],
    [
      "value: required for purchased",
      event("purchased", { value: undefined, currency: undefined }),
      ["value: required for purchased"],
    ],
    [
      "value: not allowed for page_viewed",
      event("page_viewed", { value: 5 }),
      ["value: not allowed for page_viewed"],
    ],
    [
      "currency: lower case",
      event("purchased", { currency: "dkk" }),
      ["currency: must be an upper-case ISO 4217 code such as EUR"],
    ],
    [
      "currency: not ISO 4217",
      event("purchased", { currency: "XYZ" }),
      ["currency: must be an upper-case ISO 4217 code such as EUR"],
    ],
    [
      "currency: required with value",
      event("purchased", { currency: undefined }),
      ["currency: required with value"],
    ],
    [
      "currency: only with value",
      event("refunded", { currency: "EUR" }),
      ["currency: only allowed with value"],
    ],
    [
      "currency: not allowed for page_viewed",
      event("page_viewed", { currency: "EUR" }),
      ["currency: not allowed for page_viewed"],
    ],
    [
      "traits: required for customer_updated",
      event("customer_updated", { traits: undefined }),
      ["traits: required for customer_updated"],
    ],
    [
      "traits: not allowed for page_viewed",
      event("page_viewed", { traits: { country: "DK" } }),
      ["traits: not allowed for page_viewed"],
    ],
    ["traits: not an object", event("customer_updated", { traits: ["DK"] }), ["traits: must be an object"]],
    ["traits: empty", event("customer_updated", { traits: {} }), ["traits: must name at least one trait"]],
    [
      "traits.country: not alpha-2",
      event("customer_updated", { traits: { country: "DNK" } }),
      ["traits.country: must be an upper-case ISO 3166-1 alpha-2 code such as DK"],
    ],
    [
      "traits.country: not assigned",
      event("customer_updated", { traits: { country: "XX" } }),
      ["traits.country: must be an upper-case ISO 3166-1 alpha-2 code such as DK"],
    ],
    [
      "traits.locale: not BCP 47",
      event("customer_updated", { traits: { locale: "da_DK" } }),
      ["traits.locale: must be a BCP 47 language tag such as da-DK"],
    ],
    [
      "traits.signupDate: not a date",
      event("customer_updated", { traits: { signupDate: "2023-02-29" } }),
      ["traits.signupDate: must be a date YYYY-MM-DD"],
    ],
    [
      "traits.loyaltyTier: empty",
      event("customer_updated", { traits: { loyaltyTier: "" } }),
      ["traits.loyaltyTier: must be a string of 1–64 characters"],
    ],
    [
      "traits.birthYear: not whole",
      event("customer_updated", { traits: { birthYear: 1984.5 } }),
      ["traits.birthYear: must be a whole year"],
    ],
    [
      "traits.birthYear: before 1900",
      event("customer_updated", { traits: { birthYear: 1899 } }),
      [`traits.birthYear: must be a year between 1900 and ${new Date().getUTCFullYear()}`],
    ],
    [
      "traits.emailSha256: not a SHA-256",
      event("customer_updated", { traits: { emailSha256: "abc" } }),
      ["traits.emailSha256: must be 64 hexadecimal characters (SHA-256 of the e-mail address)"],
    ],
    [
      "traits: a custom trait that is an object",
      event("customer_updated", { traits: { address: { city: "Oslo" } } }),
      ["traits.address: must be a string, number, boolean or null"],
    ],
    [
      "traits: a custom string over 1,024 characters",
      event("customer_updated", { traits: { note: long(1025) } }),
      ["traits.note: must be at most 1024 characters"],
    ],
    [
      "traits: a name over 64 characters",
      event("customer_updated", { traits: { [long(65)]: 1 } }),
      [`traits.${long(65)}: trait names must be 1–64 characters`],
    ],
    [
      "traits: more than 100",
      event("customer_updated", {
        traits: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`t${i}`, i])),
      }),
      ["traits: at most 100 traits"],
    ],
    [
      "traits: over 8 KB serialised",
      event("customer_updated", {
        traits: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`t${i}`, long(1000)])),
      }),
      // 9 × `"tN":"…1000…"` (1,007 bytes) + 8 commas + 2 braces = 9,073 bytes
      ["traits: larger than 8 KB serialised (9,073 of at most 8,192 bytes)"],
    ],
    [
      "properties: not an object",
      event("page_viewed", { properties: ["a"] }),
      ["properties: must be an object"],
    ],
    [
      "properties: over 8 KB serialised",
      event("page_viewed", { properties: { a: long(8185) } }),
      ["properties: larger than 8 KB serialised (8,193 of at most 8,192 bytes)"],
    ],
  ])("%s", (_rule, raw, errors) => {
    expect(errorsOf(raw)).toEqual(errors);
  });

  test("a timestamp more than 24 hours ahead is rejected", () => {
    expect(errorsOf(event("page_viewed", { timestamp: hoursFromNow(25) }))).toEqual([
      "timestamp: more than 24 hours in the future",
    ]);
  });

  test("properties count their UTF-8 bytes, not characters", () => {
    // "ø" is 2 bytes: 4,093 × 2 + 8 = 8,194 bytes in 4,101 characters
    expect(errorsOf(event("page_viewed", { properties: { a: "ø".repeat(4093) } }))).toEqual([
      "properties: larger than 8 KB serialised (8,194 of at most 8,192 bytes)",
    ]);
  });

  test("every reason of an event is reported, not just the first", () => {
    expect(
      errorsOf({
        type: "message_sent",
        customerId: "anna@example.com",
        timestamp: "2026-03-01T09:30:00",
        topic: "Spring",
        maxPerWeek: 2,
        utm: "x",
      }),
    ).toEqual([
      "customerId: looks like an e-mail address; use your own customer key (CRM id)",
      "timestamp: needs a UTC offset or Z (e.g. 2026-03-01T09:30:00Z)",
      "topic: must be a lower-case slug of 1–64 characters (a-z, 0-9, single dashes between)",
      "utm: unknown field",
      "channel: required for message_sent",
      "messageId: required for message_sent",
      "maxPerWeek: not allowed for message_sent",
    ]);
  });

  test("an NDJSON line that is not JSON is rejected with the parser's reason", () => {
    expect(errorsOf(new UnparsedEvent("Unexpected end of JSON input"))).toEqual([
      "event: not valid JSON (Unexpected end of JSON input)",
    ]);
  });
});
