import { describe, expect, test } from "vitest";

import { ingestEvents } from "@/lib/server/ingest/ingest-events";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

import { type RawEvent, seededRandom, shuffled } from "./event-fixtures";
import { derivedState, ingestInBatches } from "./ingest-state";

const db = setupTestDatabase();

const d = (day: number, time: string) => `2026-03-${String(day).padStart(2, "0")}T${time}:00Z`;
const iso = (text: string) => new Date(text);

/**
 * A hand-worked fixture touching every piece of derived state, with the expected results
 * next to the events. Explicit ids: several events share a customer and an instant.
 */
const FIXTURE: RawEvent[] = [
  // c1's traits: latest per key; at 03-03 09:00 "platinum" beats "gold" (greater JSON text)
  { id: "f01", type: "page_viewed", customerId: "c1", timestamp: d(1, "08:00"), channel: "web" }, // first seen
  {
    id: "f02",
    type: "customer_updated",
    customerId: "c1",
    timestamp: d(1, "09:00"),
    traits: { country: "DK", loyaltyTier: "silver", birthYear: 1980 },
  },
  {
    id: "f03",
    type: "customer_updated",
    customerId: "c1",
    timestamp: d(3, "09:00"),
    traits: { loyaltyTier: "gold" },
  },
  {
    id: "f04",
    type: "customer_updated",
    customerId: "c1",
    timestamp: d(2, "09:00"),
    traits: { country: "SE", shoeSize: 43 },
  },
  {
    id: "f05",
    type: "customer_updated",
    customerId: "c1",
    timestamp: d(3, "09:00"),
    traits: { loyaltyTier: "platinum" },
  },
  {
    id: "f06",
    type: "customer_updated",
    customerId: "c1",
    timestamp: d(4, "09:00"),
    traits: { shoeSize: null },
  }, // clears
  // c1's messages: m1's open inherits running (the earliest send with a topic), the click keeps its own
  {
    id: "f07",
    type: "message_sent",
    customerId: "c1",
    timestamp: d(5, "10:00"),
    channel: "email",
    messageId: "m1",
    campaignId: "spring",
    topic: "running",
  },
  {
    id: "f08",
    type: "message_opened",
    customerId: "c1",
    timestamp: d(5, "12:00"),
    channel: "email",
    messageId: "m1",
  },
  {
    id: "f09",
    type: "message_clicked",
    customerId: "c1",
    timestamp: d(5, "12:05"),
    channel: "email",
    messageId: "m1",
    topic: "trail-running",
  },
  {
    id: "f10",
    type: "message_sent",
    customerId: "c1",
    timestamp: d(6, "10:00"),
    channel: "email",
    messageId: "m1",
    topic: "cycling",
  }, // a resend
  {
    id: "f11",
    type: "message_sent",
    customerId: "c1",
    timestamp: d(6, "10:00"),
    channel: "email",
    messageId: "m2",
    campaignId: "summer",
  }, // no topic
  {
    id: "f12",
    type: "message_delivered",
    customerId: "c1",
    timestamp: d(6, "10:01"),
    channel: "email",
    messageId: "m2",
  }, // c1's send has none: stays null
  // c2 and c3: m2's catalogue entry is c2's earlier send; m3 has two sends at one instant
  {
    id: "f13",
    type: "message_sent",
    customerId: "c2",
    timestamp: d(6, "09:00"),
    channel: "email",
    messageId: "m2",
    campaignId: "summer-early",
    messageKind: "lifecycle",
    topic: "yoga",
  },
  {
    id: "f14",
    type: "message_opened",
    customerId: "c2",
    timestamp: d(6, "11:00"),
    channel: "email",
    messageId: "m2",
  }, // yoga
  {
    id: "f15",
    type: "message_sent",
    customerId: "c2",
    timestamp: d(7, "10:00"),
    channel: "email",
    messageId: "m3",
    campaignId: "autumn",
    topic: "hiking",
  },
  {
    id: "f16",
    type: "message_sent",
    customerId: "c3",
    timestamp: d(7, "10:00"),
    channel: "email",
    messageId: "m3",
    campaignId: "autumn",
    topic: "cycling",
  }, // "cycling" < "hiking": describes m3
  {
    id: "f17",
    type: "message_bounced",
    customerId: "c3",
    timestamp: d(7, "10:01"),
    channel: "email",
    messageId: "m3",
  }, // cycling (c3's send)
  {
    id: "f18",
    type: "message_delivered",
    customerId: "c2",
    timestamp: d(7, "10:02"),
    channel: "email",
    messageId: "m3",
  }, // hiking (c2's send)
  // c1's consent: the tie at 03-08 10:00 leaves email unsubscribed; 03-09 complained everywhere; sms re-granted
  { id: "f19", type: "unsubscribed", customerId: "c1", timestamp: d(8, "10:00"), channel: "email" },
  { id: "f20", type: "consent_granted", customerId: "c1", timestamp: d(8, "10:00") },
  { id: "f21", type: "complained", customerId: "c1", timestamp: d(9, "10:00") },
  { id: "f22", type: "consent_granted", customerId: "c1", timestamp: d(10, "10:00"), channel: "sms" },
  // c2: two opt-outs at one instant: unsubscribed beats withdrawn
  { id: "f23", type: "consent_withdrawn", customerId: "c2", timestamp: d(8, "12:00"), channel: "sms" },
  { id: "f24", type: "unsubscribed", customerId: "c2", timestamp: d(8, "12:00"), channel: "sms" },
  // preferences: the latest as a whole; a tie goes to the greater topic list ("yoga" > "cycling")
  {
    id: "f25",
    type: "preferences_updated",
    customerId: "c1",
    timestamp: d(11, "10:00"),
    topics: ["running", "hiking"],
  },
  { id: "f26", type: "preferences_updated", customerId: "c1", timestamp: d(12, "10:00"), maxPerWeek: 2 },
  { id: "f27", type: "preferences_updated", customerId: "c2", timestamp: d(11, "10:00"), topics: ["yoga"] },
  {
    id: "f28",
    type: "preferences_updated",
    customerId: "c2",
    timestamp: d(11, "10:00"),
    topics: ["cycling"],
  },
];

const IN_ORDER = [...FIXTURE].sort(
  (a, b) => Date.parse(a.timestamp as string) - Date.parse(b.timestamp as string),
);

async function ingestFixture(events: readonly RawEvent[] = IN_ORDER) {
  const workspaceId = await createWorkspace(db.current.prisma, "Derived");
  const result = await ingestEvents(db.current.prisma, workspaceId, events);
  expect(result).toEqual({ accepted: events.length, duplicates: 0, rejected: [] });
  return { workspaceId, state: await derivedState(db.current.prisma, workspaceId) };
}

const CHANNELS = ["email", "sms", "push", "in_app", "web", "app", "store", "phone", "direct_mail"] as const;

describe("derived state of the fixture, ingested in time order", () => {
  test("customers: first and last seen; each trait's latest value with its time; null clears", async () => {
    const { state } = await ingestFixture();
    expect(state.customers).toEqual([
      {
        id: "c1",
        traits: { country: "SE", loyaltyTier: "platinum", birthYear: 1980, shoeSize: null },
        traitTimes: {
          country: "2026-03-02T09:00:00.000Z",
          loyaltyTier: "2026-03-03T09:00:00.000Z",
          birthYear: "2026-03-01T09:00:00.000Z",
          shoeSize: "2026-03-04T09:00:00.000Z",
        },
        firstSeenAt: iso(d(1, "08:00")),
        lastSeenAt: iso(d(12, "10:00")),
      },
      {
        id: "c2",
        traits: {},
        traitTimes: {},
        firstSeenAt: iso(d(6, "09:00")),
        lastSeenAt: iso(d(11, "10:00")),
      },
      {
        id: "c3",
        traits: {},
        traitTimes: {},
        firstSeenAt: iso(d(7, "10:00")),
        lastSeenAt: iso(d(7, "10:01")),
      },
    ]);
  });

  test("message catalogue: each messageId as its earliest send describes it; same-instant sends by content", async () => {
    const { state } = await ingestFixture();
    expect(state.messages).toEqual([
      {
        messageId: "m1",
        channel: "email",
        campaignId: "spring",
        kind: "promotional",
        topic: "running",
        firstSentAt: iso(d(5, "10:00")),
      },
      {
        messageId: "m2",
        channel: "email",
        campaignId: "summer-early",
        kind: "lifecycle",
        topic: "yoga",
        firstSentAt: iso(d(6, "09:00")),
      },
      {
        messageId: "m3",
        channel: "email",
        campaignId: "autumn",
        kind: "promotional",
        topic: "cycling",
        firstSentAt: iso(d(7, "10:00")),
      },
    ]);
  });

  test("topic inheritance: from the same customer's earliest send with a topic; an own topic is kept", async () => {
    const { state } = await ingestFixture();
    const topics = Object.fromEntries(state.events.map((e) => [e.eventKey, [e.topic, e.topicInherited]]));
    expect(topics).toMatchObject({
      f08: ["running", true], // c1's m1 sends: running (05 10:00) before cycling (06 10:00)
      f09: ["trail-running", false],
      f12: [null, false], // c1's send of m2 has no topic; c2's does not count
      f14: ["yoga", true],
      f17: ["cycling", true],
      f18: ["hiking", true],
      f07: ["running", false],
    });
  });

  test("consent per channel: the latest applicable event; a channel-less one applies to all; an opt-out wins a tie", async () => {
    const { state } = await ingestFixture();
    expect(state.consents).toEqual([
      ...CHANNELS.map((channel) =>
        channel === "sms"
          ? { customerId: "c1", channel, state: "granted", changedAt: iso(d(10, "10:00")) }
          : { customerId: "c1", channel, state: "complained", changedAt: iso(d(9, "10:00")) },
      ),
      { customerId: "c2", channel: "sms", state: "unsubscribed", changedAt: iso(d(8, "12:00")) },
    ]);
  });

  test("stated preferences: the latest preferences_updated as a whole", async () => {
    const { state } = await ingestFixture();
    expect(state.preferences).toEqual([
      { customerId: "c1", topics: [], maxPerWeek: 2, updatedAt: iso(d(12, "10:00")) },
      { customerId: "c2", topics: ["yoga"], maxPerWeek: null, updatedAt: iso(d(11, "10:00")) },
    ]);
  });

  test("re-sending every event changes nothing", async () => {
    const { workspaceId, state } = await ingestFixture();
    const again = await ingestEvents(db.current.prisma, workspaceId, shuffled(FIXTURE, seededRandom(7)));
    expect(again).toEqual({ accepted: 0, duplicates: FIXTURE.length, rejected: [] });
    expect(await derivedState(db.current.prisma, workspaceId)).toEqual(state);
  });
});

describe("arrival order does not matter", () => {
  let inOrder: Awaited<ReturnType<typeof ingestFixture>> | undefined;
  const expectedState = async () => (inOrder ??= await ingestFixture()).state;

  test("one event per batch, newest first, gives the in-order state", async () => {
    const expected = await expectedState();
    const workspaceId = await createWorkspace(db.current.prisma, "Reversed");
    await ingestInBatches(db.current.prisma, workspaceId, [...IN_ORDER].reverse(), () => 1);
    expect(await derivedState(db.current.prisma, workspaceId)).toEqual(expected);
  });

  test.each([1, 2, 3, 4])(
    "shuffled with seed %i into batches of 1–7 events gives the in-order state",
    async (seed) => {
      const expected = await expectedState();
      const random = seededRandom(seed);
      const workspaceId = await createWorkspace(db.current.prisma, `Shuffled ${seed}`);
      await ingestInBatches(
        db.current.prisma,
        workspaceId,
        shuffled(FIXTURE, random),
        () => 1 + Math.floor(random() * 7),
      );
      expect(await derivedState(db.current.prisma, workspaceId)).toEqual(expected);
    },
  );
});

describe("topic inheritance, both ways", () => {
  test("a send arriving after its open and click fills the topic-less ones, marked as inherited", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    await ingestEvents(db.current.prisma, workspaceId, [
      {
        id: "o",
        type: "message_opened",
        customerId: "c",
        timestamp: d(2, "10:00"),
        channel: "email",
        messageId: "m",
      },
      {
        id: "k",
        type: "message_clicked",
        customerId: "c",
        timestamp: d(2, "10:05"),
        channel: "email",
        messageId: "m",
        topic: "golf",
      },
      {
        id: "x",
        type: "message_opened",
        customerId: "other",
        timestamp: d(2, "10:00"),
        channel: "email",
        messageId: "m",
      },
    ]);
    await ingestEvents(db.current.prisma, workspaceId, [
      {
        id: "s",
        type: "message_sent",
        customerId: "c",
        timestamp: d(2, "09:00"),
        channel: "email",
        messageId: "m",
        topic: "tennis",
      },
    ]);
    const events = (await derivedState(db.current.prisma, workspaceId)).events;
    expect(events.map((e) => [e.eventKey, e.topic, e.topicInherited])).toEqual([
      ["k", "golf", false], // its own topic stays
      ["o", "tennis", true],
      ["s", "tennis", false],
      ["x", null, false], // another customer's open of the same message
    ]);
  });

  test("an earlier send arriving late replaces an inherited topic, never an own one", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    await ingestEvents(db.current.prisma, workspaceId, [
      {
        id: "late",
        type: "message_sent",
        customerId: "c",
        timestamp: d(3, "09:00"),
        channel: "email",
        messageId: "m",
        topic: "tennis",
      },
      {
        id: "open",
        type: "message_opened",
        customerId: "c",
        timestamp: d(3, "10:00"),
        channel: "email",
        messageId: "m",
      },
    ]);
    await ingestEvents(db.current.prisma, workspaceId, [
      {
        id: "early",
        type: "message_sent",
        customerId: "c",
        timestamp: d(2, "09:00"),
        channel: "email",
        messageId: "m",
        topic: "golf",
      },
    ]);
    const open = await db.current.prisma.event.findFirstOrThrow({ where: { workspaceId, eventKey: "open" } });
    expect([open.topic, open.topicInherited]).toEqual(["golf", true]);
    const message = await db.current.prisma.message.findFirstOrThrow({ where: { workspaceId } });
    expect([message.topic, message.firstSentAt]).toEqual(["golf", iso(d(2, "09:00"))]);
  });

  test("deliveries and bounces inherit too; page views and purchases never do", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    await ingestEvents(db.current.prisma, workspaceId, [
      {
        id: "s",
        type: "message_sent",
        customerId: "c",
        timestamp: d(2, "09:00"),
        channel: "email",
        messageId: "m",
        topic: "golf",
      },
      {
        id: "d",
        type: "message_delivered",
        customerId: "c",
        timestamp: d(2, "09:01"),
        channel: "email",
        messageId: "m",
      },
      {
        id: "b",
        type: "message_bounced",
        customerId: "c",
        timestamp: d(2, "09:02"),
        channel: "email",
        messageId: "m",
      },
      { id: "p", type: "page_viewed", customerId: "c", timestamp: d(2, "09:03") },
      { id: "u", type: "unsubscribed", customerId: "c", timestamp: d(2, "09:04"), messageId: "m" },
    ]);
    const events = (await derivedState(db.current.prisma, workspaceId)).events;
    expect(events.map((e) => [e.eventKey, e.topic, e.topicInherited])).toEqual([
      ["b", "golf", true],
      ["d", "golf", true],
      ["p", null, false],
      ["s", "golf", false],
      ["u", null, false],
    ]);
  });
});

describe("consent", () => {
  test.each([
    ["the opt-out first", ["out", "in"]],
    ["the grant first", ["in", "out"]],
  ])(
    "a channel-less grant and an e-mail opt-out at one instant, %s: e-mail stays opted out",
    async (_, order) => {
      const events: Record<string, RawEvent> = {
        out: { id: "out", type: "unsubscribed", customerId: "c", timestamp: d(2, "10:00"), channel: "email" },
        in: { id: "in", type: "consent_granted", customerId: "c", timestamp: d(2, "10:00") },
      };
      const workspaceId = await createWorkspace(db.current.prisma);
      for (const name of order) await ingestEvents(db.current.prisma, workspaceId, [events[name]]);
      const consents = await db.current.prisma.customerConsent.findMany({ where: { workspaceId } });
      expect(consents).toHaveLength(CHANNELS.length);
      for (const consent of consents)
        expect(consent.state).toBe(consent.channel === "email" ? "unsubscribed" : "granted");
    },
  );

  test("an older event arriving later never overrides a newer state", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    await ingestEvents(db.current.prisma, workspaceId, [
      { type: "consent_granted", customerId: "c", timestamp: d(5, "10:00"), channel: "sms" },
    ]);
    await ingestEvents(db.current.prisma, workspaceId, [
      { type: "unsubscribed", customerId: "c", timestamp: d(4, "10:00") },
    ]);
    const consents = await db.current.prisma.customerConsent.findMany({
      where: { workspaceId },
      orderBy: { channel: "asc" },
    });
    expect(consents.find((c) => c.channel === "sms")).toMatchObject({
      state: "granted",
      changedAt: iso(d(5, "10:00")),
    });
    expect(consents.find((c) => c.channel === "email")).toMatchObject({
      state: "unsubscribed",
      changedAt: iso(d(4, "10:00")),
    });
  });
});
