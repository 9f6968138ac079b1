import { createHash } from "node:crypto";

import { describe, expect, test } from "vitest";

import { validateEvent, type ValidEvent } from "@/lib/schemas/event";
import { eventKey } from "@/lib/server/ingest/event-key";

function valid(raw: Record<string, unknown>): ValidEvent {
  const result = validateEvent(raw);
  if (!result.ok) throw new Error(result.errors.join("; "));
  return result.event;
}

const click = {
  type: "message_clicked",
  customerId: "c-00042",
  timestamp: "2026-03-01T09:30:00Z",
  channel: "email",
  messageId: "m-1",
};

describe("eventKey", () => {
  test("an event with an id is keyed by that id", () => {
    expect(eventKey(valid({ ...click, id: "evt-000123" }))).toBe("evt-000123");
  });

  test("without an id the key is sha256: and the hash of the documented fields", () => {
    // JSON array [type, customerId, timestamp as UTC ms, channel, messageId, topic, value]
    const content = JSON.stringify(["message_clicked", "c-00042", 1772357400000, "email", "m-1", null, null]);
    const expected = `sha256:${createHash("sha256").update(content).digest("hex")}`;
    expect(eventKey(valid(click))).toBe(expected);
  });

  test("the same instant written with another offset derives the same key", () => {
    expect(eventKey(valid({ ...click, timestamp: "2026-03-01T10:30:00.000+01:00" }))).toBe(
      eventKey(valid(click)),
    );
  });

  test("fields outside the hash (campaign, properties) do not change the key; those inside do", () => {
    const base = eventKey(valid(click));
    expect(eventKey(valid({ ...click, campaignId: "spring", properties: { url: "/x" } }))).toBe(base);
    expect(eventKey(valid({ ...click, messageId: "m-2" }))).not.toBe(base);
    expect(eventKey(valid({ ...click, topic: "running" }))).not.toBe(base);
    expect(eventKey(valid({ ...click, timestamp: "2026-03-01T09:30:00.001Z" }))).not.toBe(base);
  });

  test("a purchase sent with topic or with the same single topic in topics derives the same key", () => {
    const purchase = {
      type: "purchased",
      customerId: "c-1",
      timestamp: "2026-03-01T09:30:00Z",
      value: 10,
      currency: "DKK",
    };
    expect(eventKey(valid({ ...purchase, topic: "running" }))).toBe(
      eventKey(valid({ ...purchase, topics: ["running"] })),
    );
  });
});
