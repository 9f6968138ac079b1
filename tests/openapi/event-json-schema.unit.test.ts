import { describe, expect, test } from "vitest";

import { EVENT_TYPES } from "@/lib/events/enums";
import { FIELD_RULES, validateEvent } from "@/lib/schemas/event";

import {
  AT,
  consentEvent,
  messageEvent,
  pageView,
  preferencesEvent,
  type RawEvent,
  sentEvent,
  traitsEvent,
} from "../ingest/event-fixtures";

import { doc, type Json, validator } from "./json-schema";

const schemas = doc.components.schemas;
const events = doc.paths["/api/v1/events"].post as Json;
const isEvent = validator("Event");

describe("the Event schema agrees with validateEvent", () => {
  const accepted: [string, RawEvent][] = [
    [
      "the EVENTS.md example",
      sentEvent("c-00042", "m-2026-03-01-spring", AT, {
        id: "evt-000123",
        campaignId: "spring-newsletter",
        messageKind: "promotional",
        topic: "running",
        properties: { subject: "Spring is here" },
      }),
    ],
    ["an open", messageEvent("message_opened", "c-00042", "m-1", "2026-03-01T10:30:00.250+01:00")],
    ["a bounce with a +0100 offset", messageEvent("message_bounced", "c-1", "m-1", "2026-03-01T10:30+0100")],
    ["an unsubscribe without a channel", consentEvent("unsubscribed", "c-1", AT)],
    ["a consent grant for sms", consentEvent("consent_granted", "c-1", AT, "sms")],
    [
      "stated preferences",
      preferencesEvent("c-1", AT, { topics: ["running", "trail-running"], maxPerWeek: 2 }),
    ],
    ["no topic preference", preferencesEvent("c-1", AT, { topics: [] })],
    ["a page view on the web", pageView("c-1", AT, { channel: "web" })],
    [
      "a purchase",
      {
        type: "purchased",
        customerId: "c-1",
        timestamp: AT,
        value: 499.5,
        currency: "DKK",
        topic: "running",
      },
    ],
    ["a refund", { type: "refunded", customerId: "c-1", timestamp: AT, value: 0, currency: "EUR" }],
    [
      "a profile update with every known trait and custom ones",
      traitsEvent("c-1", AT, {
        country: "NO",
        locale: "nb-no",
        signupDate: "2024-02-29",
        loyaltyTier: "gold",
        birthYear: 1984,
        emailSha256: "AB".repeat(32),
        loyaltyClub: true,
        shoeSize: 43.5,
        nickname: null,
      }),
    ],
    [
      "null for fields left out, even ones the type does not take",
      pageView("c-1", AT, { id: null, topic: null, maxPerWeek: null, properties: null }),
    ],
  ];

  test.each(accepted)("%s: accepted by both", (_, event) => {
    expect(validateEvent(event)).toMatchObject({ ok: true });
    expect(isEvent(event), JSON.stringify(isEvent.errors)).toBe(true);
  });

  const structurallyRejected: [string, unknown][] = [
    ["an unknown field", pageView("c-1", AT, { source: "app" })],
    ["a number as customerId", pageView("c-1", AT, { customerId: 42 })],
    ["an unknown event type", { type: "signed_up", customerId: "c-1", timestamp: AT }],
    ["an unknown channel", sentEvent("c-1", "m-1", AT, { channel: "fax" })],
    ["an unknown message kind", sentEvent("c-1", "m-1", AT, { messageKind: "newsletter" })],
    [
      "a value sent as a string",
      { type: "refunded", customerId: "c-1", timestamp: AT, value: "12", currency: "EUR" },
    ],
    ["a negative value", { type: "refunded", customerId: "c-1", timestamp: AT, value: -1, currency: "EUR" }],
    ["a topic that is not a slug", pageView("c-1", AT, { topic: "Trail Running" })],
    ["topics as a string", preferencesEvent("c-1", AT, { topics: "running" as unknown as string[] })],
    ["maxPerWeek of 0", preferencesEvent("c-1", AT, { maxPerWeek: 0 })],
    ["an object as a custom trait", traitsEvent("c-1", AT, { address: { city: "Oslo" } })],
    ["a birth year that is not whole", traitsEvent("c-1", AT, { birthYear: 1984.5 })],
    ["properties as an array", pageView("c-1", AT, { properties: ["a"] })],
    ["no timestamp", { type: "page_viewed", customerId: "c-1" }],
    ["a string instead of an object", "page_viewed"],
  ];

  test.each(structurallyRejected)("%s: rejected by both", (_, event) => {
    expect(validateEvent(event)).toMatchObject({ ok: false });
    expect(isEvent(event)).toBe(false);
  });

  test("rules between fields and refinements are not JSON Schema: validateEvent alone rejects these", () => {
    // Described in words (field descriptions, the per-type list) and as data in x-field-rules.
    for (const event of [
      sentEvent("c-1", "m-1", AT, { channel: undefined }), // channel required for message_sent
      pageView("c-1", AT, { maxPerWeek: 2 }), // not allowed for page_viewed
      pageView("anna@example.com"), // the privacy guard
      pageView("c-1", "2026-03-01T09:30:00"), // no UTC offset
    ]) {
      expect(validateEvent(JSON.parse(JSON.stringify(event)))).toMatchObject({ ok: false });
      expect(isEvent(JSON.parse(JSON.stringify(event)))).toBe(true);
    }
  });

  test("x-field-rules are FIELD_RULES, and the description names the rules of every type", () => {
    expect(schemas.Event["x-field-rules"]).toEqual(JSON.parse(JSON.stringify(FIELD_RULES)));
    const description = schemas.Event.description as string;
    for (const type of EVENT_TYPES) expect(description).toContain(`\`${type}\`:`);
    expect(description).toContain(
      "- `message_sent`: requires `channel`, `messageId`; may have `campaignId`, `messageKind`, `topic`.",
    );
  });

  test("the limits are stated: 1,000 events, 1 MiB, 8 KB of properties", () => {
    const text = JSON.stringify(events.requestBody);
    expect(text).toContain("At most 1,000 events and 1,048,576 bytes (1 MiB)");
    expect(text).toContain("8,192 bytes (8 KB)");
    expect((schemas.Event.properties as Record<string, Json>).properties.description).toContain(
      "8,192 bytes",
    );
  });
});
