import { describe, expect, test } from "vitest";

import type { EventType } from "@/lib/generated/prisma/client";

import { createWorkspaceWith, type FixtureEvent } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

/**
 * The stored relevance of single contacts (ContactFact.relevance, computed by
 * refresh-contact-facts.ts) against METRICS.md §2, worked by hand:
 * s(c,T,t) = Σ w · 0.5^(Δ/30) over signals in [t − 90 d, t), relevance = round(100 · s_T / max s).
 */

const db = setupTestDatabase();

const DAY = 86_400_000;
/** Every send of these fixtures is at T. */
const T = "2026-03-10T12:00:00.000Z";
const before = (days: number, ms = 0) => new Date(Date.parse(T) - days * DAY - ms).toISOString();

const send = (customer: string, messageId: string, topic?: string): FixtureEvent => ({
  type: "message_sent",
  customer,
  at: T,
  channel: "email",
  messageKind: "promotional",
  messageId,
  topic,
});

const signal = (type: EventType, customer: string, at: string, topic: string): FixtureEvent =>
  type === "purchased" ? { type, customer, at, topics: [topic], value: 10 } : { type, customer, at, topic };

/** Stored relevance by messageId of the workspace's contacts. */
async function relevanceByMessage(workspaceId: number): Promise<Record<string, number | null>> {
  const facts = await db.current.prisma.contactFact.findMany({ where: { workspaceId } });
  return Object.fromEntries(facts.map((fact) => [fact.messageId, fact.relevance]));
}

const relevanceOf = async (events: FixtureEvent[]) =>
  relevanceByMessage(await createWorkspaceWith(db.current.prisma, events));

describe("relevance of a contact (stored in ContactFact)", () => {
  test("interest halves every 30 days of elapsed time", async () => {
    const stored = await relevanceOf([
      // c1: a viewed 30 d before (1 · 0.5 = 0.5), b viewed 60 d before (1 · 0.25 = 0.25).
      signal("product_viewed", "c1", before(30), "a"),
      signal("product_viewed", "c1", before(60), "b"),
      send("c1", "c1-a", "a"), // 100 · 0.5 / 0.5 = 100
      send("c1", "c1-b", "b"), // 100 · 0.25 / 0.5 = 50
      // c2: a 10 d before (2^(−1/3)), b 20 d before (2^(−2/3)).
      signal("product_viewed", "c2", before(10), "a"),
      signal("product_viewed", "c2", before(20), "b"),
      send("c2", "c2-b", "b"), // 100 · 2^(−1/3) = 79.37 → 79
    ]);
    expect(stored).toEqual({ "c1-a": 100, "c1-b": 50, "c2-b": 79 });
  });

  test("a signal exactly 90 days before counts; 90 days + 1 ms before, or at the send's instant, does not", async () => {
    const stored = await relevanceOf([
      // c1: b at exactly t − 90 d counts (1 · 0.125); a's purchases at t − 90 d − 1 ms and at t do not.
      signal("product_viewed", "c1", before(90), "b"),
      signal("purchased", "c1", before(90, 1), "a"),
      signal("purchased", "c1", T, "a"),
      send("c1", "c1-a", "a"), // a has no signal in range while b has: 0
      send("c1", "c1-b", "b"), // 100
      // c2, c3: their only signal is just out of range: no signal, so no score.
      signal("purchased", "c2", before(90, 1), "a"),
      send("c2", "c2-a", "a"),
      signal("purchased", "c3", T, "a"),
      send("c3", "c3-a", "a"),
    ]);
    expect(stored).toEqual({ "c1-a": 0, "c1-b": 100, "c2-a": null, "c3-a": null });
  });

  test("weights are 1 for a view, 2 for a click, 3 for a cart add, 5 for a purchase", async () => {
    // All four signals 30 d before (decay 0.5): v 0.5, k 1, c 1.5, p 2.5; the maximum is p.
    const stored = await relevanceOf([
      signal("product_viewed", "c1", before(30), "v"),
      { ...signal("message_clicked", "c1", before(30), "k"), channel: "email", messageId: "old" },
      signal("cart_added", "c1", before(30), "c"),
      signal("purchased", "c1", before(30), "p"),
      send("c1", "to-v", "v"), // 100 · 0.5 / 2.5 = 20
      send("c1", "to-k", "k"), // 40
      send("c1", "to-c", "c"), // 60
      send("c1", "to-p", "p"), // 100
    ]);
    expect(stored).toEqual({ "to-v": 20, "to-k": 40, "to-c": 60, "to-p": 100 });
  });

  test("a purchase gives 5 to each of its topics, a topic given twice counting once", async () => {
    const stored = await relevanceOf([
      // The purchase has topic a and topics [a, b]: a 5 · 0.5 = 2.5 (once), b 2.5; the cart add
      // puts b at 2.5 + 3 · 0.5 = 4.
      { type: "purchased", customer: "c1", at: before(30), topic: "a", topics: ["a", "b"], value: 10 },
      signal("cart_added", "c1", before(30), "b"),
      send("c1", "to-a", "a"), // 100 · 2.5 / 4 = 62.5 → 63 (a counted twice would be 100 · 5 / 5 = 100)
      send("c1", "to-b", "b"), // 100
      send("c1", "to-c", "c"), // no signal on c while others exist: 0
    ]);
    expect(stored).toEqual({ "to-a": 63, "to-b": 100, "to-c": 0 });
  });

  test("rounds half away from zero: 12.5 becomes 13", async () => {
    const stored = await relevanceOf([
      // Same instant, 30 d before: a = (5 + 3) · 0.5 = 4, b = 1 · 0.5 = 0.5 → 100 · 0.5 / 4 = 12.5.
      signal("purchased", "c1", before(30), "a"),
      signal("cart_added", "c1", before(30), "a"),
      signal("product_viewed", "c1", before(30), "b"),
      send("c1", "to-b", "b"),
    ]);
    expect(stored).toEqual({ "to-b": 13 });
  });

  test("no signal, or a send without topic, has no score; a topic without signal among others scores 0", async () => {
    const stored = await relevanceOf([
      send("c1", "c1-a", "a"), //          c1 has no signal at all: null
      signal("product_viewed", "c2", before(5), "a"),
      send("c2", "c2-none"), //            no topic: null although c2 has signals
      send("c2", "c2-b", "b"), //          b has none, a has: 0
      { type: "page_viewed", customer: "c3", at: before(1) },
      signal("product_viewed", "c4", before(1), "a"),
      send("c3", "c3-a", "a"), //          a page view is not an interest signal, c4's view is not c3's: null
    ]);
    expect(stored).toEqual({ "c1-a": null, "c2-none": null, "c2-b": 0, "c3-a": null });
  });

  test("a click without topic counts for the topic of its send; a click with its own topic keeps it", async () => {
    const at = (days: number) => before(days);
    const { workspaceId } = await loadDataset(db.current.prisma, [
      // c1: the click on m1 (yoga) 30 d before is worth 2 · 0.5 = 1 on yoga; running was viewed
      // then (0.5). Without inheritance the click would count for nothing and running be 100.
      {
        type: "message_sent",
        customerId: "c1",
        timestamp: at(31),
        channel: "email",
        messageId: "m1",
        topic: "yoga",
      },
      { type: "message_clicked", customerId: "c1", timestamp: at(30), channel: "email", messageId: "m1" },
      { type: "product_viewed", customerId: "c1", timestamp: at(30), topic: "running" },
      {
        type: "message_sent",
        customerId: "c1",
        timestamp: T,
        channel: "email",
        messageId: "c1-running",
        topic: "running",
      },
      {
        type: "message_sent",
        customerId: "c1",
        timestamp: T,
        channel: "email",
        messageId: "c1-yoga",
        topic: "yoga",
      },
      // c2: the click on m1 (yoga) has its own topic outdoor: 1 on outdoor, yoga viewed 0.5.
      {
        type: "message_sent",
        customerId: "c2",
        timestamp: at(31),
        channel: "email",
        messageId: "m1",
        topic: "yoga",
      },
      {
        type: "message_clicked",
        customerId: "c2",
        timestamp: at(30),
        channel: "email",
        messageId: "m1",
        topic: "outdoor",
      },
      { type: "product_viewed", customerId: "c2", timestamp: at(30), topic: "yoga" },
      {
        type: "message_sent",
        customerId: "c2",
        timestamp: T,
        channel: "email",
        messageId: "c2-yoga",
        topic: "yoga",
      },
      {
        type: "message_sent",
        customerId: "c2",
        timestamp: T,
        channel: "email",
        messageId: "c2-outdoor",
        topic: "outdoor",
      },
    ]);
    const facts = await db.current.prisma.contactFact.findMany({ where: { workspaceId } });
    const stored = Object.fromEntries(facts.map((f) => [`${f.customerId}/${f.messageId}`, f.relevance]));
    expect(stored).toEqual({
      "c1/m1": null, // nothing before it
      "c1/c1-running": 50, // 100 · 0.5 / 1
      "c1/c1-yoga": 100,
      "c2/m1": null,
      "c2/c2-yoga": 50,
      "c2/c2-outdoor": 100,
    });
  });
});
