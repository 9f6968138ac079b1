import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";

import { type EventsAdded, onEventsAdded } from "@/lib/server/ingest/events-added";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

import {
  messageEvent,
  pageView,
  type RawEvent,
  seededRandom,
  sentEvent,
  shuffled,
  traitsEvent,
} from "./event-fixtures";
import { derivedState } from "./ingest-state";
import { openSecondConnection } from "./second-connection";

const db = setupTestDatabase();
const prisma = () => db.current.prisma;

const d = (day: number, time = "10:00") => `2026-03-${String(day).padStart(2, "0")}T${time}:00Z`;

async function storedKeys(workspaceId: number): Promise<string[]> {
  const events = await prisma().event.findMany({ where: { workspaceId }, orderBy: { eventKey: "asc" } });
  return events.map((event) => event.eventKey);
}

const unsubscribers: (() => void)[] = [];
afterEach(() => unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe()));

/** An announcement with its customers in a stable order (their order is not part of the contract). */
function sortedCustomers(change: EventsAdded): EventsAdded {
  return { ...change, customerIds: [...(change.customerIds ?? [])].sort() };
}

function recordAnnouncements(): EventsAdded[] {
  const seen: EventsAdded[] = [];
  unsubscribers.push(onEventsAdded((change) => void seen.push(change)));
  return seen;
}

describe("partial acceptance", () => {
  test("valid events are stored; each rejected one is named by index with every reason", async () => {
    const workspaceId = await createWorkspace(prisma());
    const result = await ingestEvents(prisma(), workspaceId, [
      pageView("c1", d(2), { id: "a" }),
      { id: "b", type: "page_viewed", customerId: "anna@example.com", timestamp: "2026-03-02" },
      pageView("c2", d(2), { id: "c" }),
      "not an event",
      { id: "e", type: "message_sent", customerId: "c3", timestamp: d(2) },
    ]);
    expect(result).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        {
          index: 1,
          errors: [
            "customerId: looks like an e-mail address; use your own customer key (CRM id)",
            "timestamp: not ISO 8601",
          ],
        },
        { index: 3, errors: ["event: must be a JSON object"] },
        { index: 4, errors: ["channel: required for message_sent", "messageId: required for message_sent"] },
      ],
    });
    expect(await storedKeys(workspaceId)).toEqual(["a", "c"]);
  });

  test("a batch with nothing valid stores nothing and touches no derived state", async () => {
    const workspaceId = await createWorkspace(prisma());
    const result = await ingestEvents(prisma(), workspaceId, [{}, []]);
    expect(result.accepted).toBe(0);
    expect(result.rejected.map((r) => r.index)).toEqual([0, 1]);
    expect(await prisma().customer.count({ where: { workspaceId } })).toBe(0);
  });

  test("an empty batch is answered with zeros", async () => {
    const workspaceId = await createWorkspace(prisma());
    expect(await ingestEvents(prisma(), workspaceId, [])).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: [],
    });
  });

  test("stored events carry every field, normalised, and the import batch when given", async () => {
    const workspaceId = await createWorkspace(prisma());
    await ingestEvents(
      prisma(),
      workspaceId,
      [
        {
          id: "p",
          type: "purchased",
          customerId: "c1",
          timestamp: "2026-03-02T11:00:00+01:00",
          channel: "store",
          topic: "running",
          value: 1299.5,
          currency: "NOK",
          properties: { orderId: "o-1", items: [1, 2] },
        },
      ],
      { importBatchId: 7 },
    );
    const stored = await prisma().event.findFirstOrThrow({ where: { workspaceId } });
    expect(stored).toMatchObject({
      eventKey: "p",
      type: "purchased",
      customerId: "c1",
      ts: new Date("2026-03-02T10:00:00Z"),
      channel: "store",
      topic: null,
      topics: ["running"],
      currency: "NOK",
      properties: { orderId: "o-1", items: [1, 2] },
      importBatchId: 7,
    });
    expect(stored.value?.toString()).toBe("1299.5");
  });
});

describe("idempotency", () => {
  test("an event re-sent with the same id is a duplicate and changes nothing, even with other content", async () => {
    const workspaceId = await createWorkspace(prisma());
    await ingestEvents(
      prisma(),
      workspaceId,
      [traitsEvent("c1", d(2), { loyaltyTier: "gold" })].map((e) => ({ ...e, id: "t" })),
    );
    const before = await derivedState(prisma(), workspaceId);
    const again = await ingestEvents(prisma(), workspaceId, [
      { ...traitsEvent("c1", d(3), { loyaltyTier: "vip" }), id: "t" },
    ]);
    expect(again).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect(await derivedState(prisma(), workspaceId)).toEqual(before);
  });

  test("an event without id re-sent is a duplicate by its derived id (the same instant in another offset too)", async () => {
    const workspaceId = await createWorkspace(prisma());
    const open = messageEvent("message_opened", "c1", "m1", "2026-03-02T10:00:00Z");
    expect(await ingestEvents(prisma(), workspaceId, [open])).toMatchObject({ accepted: 1, duplicates: 0 });
    const sameInstant = { ...open, timestamp: "2026-03-02T11:00:00.000+01:00", properties: { proxy: true } };
    expect(await ingestEvents(prisma(), workspaceId, [open, sameInstant])).toEqual({
      accepted: 0,
      duplicates: 2,
      rejected: [],
    });
    expect(await prisma().event.count({ where: { workspaceId } })).toBe(1);
  });

  test("duplicates within one batch count as duplicates; the first one wins", async () => {
    const workspaceId = await createWorkspace(prisma());
    const result = await ingestEvents(prisma(), workspaceId, [
      { ...traitsEvent("c1", d(2), { loyaltyTier: "gold" }), id: "x" },
      pageView("c1", d(2)),
      { ...traitsEvent("c1", d(4), { loyaltyTier: "vip" }), id: "x" },
      pageView("c1", d(2)),
    ]);
    expect(result).toEqual({ accepted: 2, duplicates: 2, rejected: [] });
    const customer = await prisma().customer.findFirstOrThrow({ where: { workspaceId } });
    expect(customer.traits).toEqual({ loyaltyTier: "gold" });
    expect(customer.lastSeenAt).toEqual(new Date(d(2)));
  });

  test("ids are per workspace: the same id in two workspaces is two events", async () => {
    const first = await createWorkspace(prisma());
    const second = await createWorkspace(prisma());
    const event = pageView("c1", d(2), { id: "shared" });
    expect((await ingestEvents(prisma(), first, [event])).accepted).toBe(1);
    expect((await ingestEvents(prisma(), second, [event])).accepted).toBe(1);
  });
});

describe("concurrent batches", () => {
  // The second batch of each pair goes through another connection, so the two truly overlap.
  let second: Awaited<ReturnType<typeof openSecondConnection>>;
  beforeAll(async () => {
    second = await openSecondConnection(db.current);
  });
  afterAll(() => second.close());

  /** Sends to 30 customers; their opens (no topic) and trait updates; shared message ids. */
  function traffic(): RawEvent[] {
    const events: RawEvent[] = [];
    for (let i = 0; i < 30; i++) {
      const customer = `c${i}`;
      const message = `m${i % 4}`;
      events.push({
        ...sentEvent(customer, message, d(2, "09:00"), { topic: `topic-${i % 3}` }),
        id: `s${i}`,
      });
      events.push({ ...messageEvent("message_opened", customer, message, d(2, "10:00")), id: `o${i}` });
      events.push({
        ...traitsEvent(customer, d(2, `1${i % 10}:00`), { loyaltyTier: `tier-${i % 5}` }),
        id: `t${i}`,
      });
    }
    return events;
  }

  test.each([1, 2, 3])(
    "two overlapping batches at once store each event exactly once and derive the same state (round %i)",
    async (round) => {
      const events = traffic();
      const random = seededRandom(round);
      // A takes the sends and half of the rest; B the opens and the other half; a third is in both.
      const a = shuffled(
        events.filter((_, i) => i % 3 !== 1),
        random,
      );
      const b = shuffled(
        events.filter((_, i) => i % 3 !== 0),
        random,
      ).reverse();
      const overlap = a.filter((e) => b.includes(e)).length;

      const workspaceId = await createWorkspace(prisma());
      const [one, other] = await Promise.all([
        ingestEvents(prisma(), workspaceId, a),
        ingestEvents(second.prisma, workspaceId, b),
      ]);
      expect(one.accepted + other.accepted).toBe(events.length);
      expect(one.duplicates + other.duplicates).toBe(overlap);
      expect(one.accepted + one.duplicates).toBe(a.length);
      expect(other.accepted + other.duplicates).toBe(b.length);
      expect(await storedKeys(workspaceId)).toEqual(events.map((e) => e.id as string).sort());

      const sequential = await createWorkspace(prisma());
      await ingestEvents(prisma(), sequential, events);
      expect(await derivedState(prisma(), workspaceId)).toEqual(await derivedState(prisma(), sequential));
    },
  );

  test("a send and its open arriving in two concurrent batches still meet: the open inherits the topic", async () => {
    for (let round = 0; round < 5; round++) {
      const workspaceId = await createWorkspace(prisma());
      const sends = Array.from({ length: 20 }, (_, i) =>
        sentEvent(`c${i}`, "m", d(2, "09:00"), { topic: "golf" }),
      );
      const opens = Array.from({ length: 20 }, (_, i) =>
        messageEvent("message_opened", `c${i}`, "m", d(2, "10:00")),
      );
      await Promise.all([
        ingestEvents(prisma(), workspaceId, sends),
        ingestEvents(prisma(), workspaceId, opens),
      ]);
      const stored = await prisma().event.findMany({ where: { workspaceId, type: "message_opened" } });
      expect(stored.map((e) => [e.topic, e.topicInherited])).toEqual(stored.map(() => ["golf", true]));
    }
  });
});

describe("the events-added announcement", () => {
  test("after commit, once, with the earliest and latest timestamp of the newly stored events", async () => {
    const workspaceId = await createWorkspace(prisma());
    const seen: { change: EventsAdded; visible: Promise<number> }[] = [];
    unsubscribers.push(
      onEventsAdded(
        (change) => void seen.push({ change, visible: prisma().event.count({ where: { workspaceId } }) }),
      ),
    );
    await ingestEvents(prisma(), workspaceId, [
      pageView("c1", d(5)),
      pageView("c2", d(3)),
      pageView("c3", d(9)),
      {},
    ]);
    expect(seen.map((s) => sortedCustomers(s.change))).toEqual([
      { workspaceId, from: new Date(d(3)), to: new Date(d(9)), customerIds: ["c1", "c2", "c3"] },
    ]);
    expect(await seen[0].visible).toBe(3); // committed when announced
  });

  test("not announced when nothing new was stored (all duplicates or all rejected)", async () => {
    const workspaceId = await createWorkspace(prisma());
    await ingestEvents(prisma(), workspaceId, [pageView("c1", d(5))]);
    const seen = recordAnnouncements();
    await ingestEvents(prisma(), workspaceId, [pageView("c1", d(5))]);
    await ingestEvents(prisma(), workspaceId, [{ type: "nope" }]);
    await ingestEvents(prisma(), workspaceId, []);
    expect(seen).toEqual([]);
  });

  test("a late send's range also covers the earlier-stored opens whose topic it filled", async () => {
    const workspaceId = await createWorkspace(prisma());
    await ingestEvents(prisma(), workspaceId, [messageEvent("message_opened", "c1", "m", d(6))]);
    const seen = recordAnnouncements();
    await ingestEvents(prisma(), workspaceId, [sentEvent("c1", "m", d(4), { topic: "golf" })]);
    expect(seen).toEqual([{ workspaceId, from: new Date(d(4)), to: new Date(d(6)), customerIds: ["c1"] }]);
  });

  test("only the newly stored events count: duplicates in the batch do not widen the range", async () => {
    const workspaceId = await createWorkspace(prisma());
    await ingestEvents(prisma(), workspaceId, [pageView("c1", d(1))]);
    const seen = recordAnnouncements();
    await ingestEvents(prisma(), workspaceId, [
      pageView("c1", d(1)),
      pageView("c1", d(7)),
      pageView("c1", d(8)),
    ]);
    expect(seen).toEqual([{ workspaceId, from: new Date(d(7)), to: new Date(d(8)), customerIds: ["c1"] }]);
  });

  test("a failing listener is logged and does not fail the ingestion", async () => {
    const workspaceId = await createWorkspace(prisma());
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      unsubscribers.push(
        onEventsAdded(() => {
          throw new Error("listener broke");
        }),
      );
      const result = await ingestEvents(prisma(), workspaceId, [pageView("c1", d(5))]);
      expect(result.accepted).toBe(1);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});
