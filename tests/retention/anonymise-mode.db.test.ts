import { describe, expect, test } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { getContactTotals } from "@/lib/server/metrics/frequency/get-contact-totals";
import { runRetention } from "@/lib/server/retention/run-retention";

import { setupTestDatabase } from "../helpers/test-database";

import {
  click,
  contactFacts,
  CUTOFF,
  NOW,
  type RawEvent,
  retentionRuns,
  send,
  traits,
  unsubscribed,
  view,
  workspaceWithPolicy,
} from "./retention-fixtures";

const db = setupTestDatabase();

const TOKEN = /^anon_[0-9a-f]{32}$/;
const WHOLE_YEAR = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-07-01T00:00:00Z") };

// Cutoff 15 March 00:00 UTC. Old: c1's send, click, traits and unsubscribe; c2's send.
// Kept: c1's later send and click, c3's send. Contacts 4, clicked 2, before and after.
const FIXTURE: RawEvent[] = [
  send("c1", "m1", "2026-03-01T10:00:00Z", {
    id: "c1-m1",
    topic: "shoes",
    properties: { email: "c1@example.com" },
  }),
  click("c1", "m1", "2026-03-02T10:00:00Z"), // inherits "shoes" from the send
  traits("c1", "2026-03-03T10:00:00Z", { name: "Customer One" }),
  unsubscribed("c1", "2026-03-04T10:00:00Z"),
  send("c2", "m2", "2026-03-05T10:00:00Z"),
  send("c1", "m3", "2026-04-01T10:00:00Z", { id: "c1-m3" }),
  click("c1", "m3", "2026-04-02T10:00:00Z"),
  send("c3", "m4", "2026-04-03T10:00:00Z"),
];

async function clickedContacts(workspaceId: number): Promise<number> {
  return db.current.prisma.contactFact.count({ where: { workspaceId, clickedAt: { not: null } } });
}

async function events(workspaceId: number) {
  return db.current.prisma.event.findMany({ where: { workspaceId }, orderBy: { ts: "asc" } });
}

describe("retention in anonymise mode", () => {
  test("keeps the counts of contacts and clicks identical", async () => {
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "anonymise", FIXTURE);
    const window = { workspaceId, ...WHOLE_YEAR };
    expect((await getContactTotals(db.current.prisma, window)).contacts).toBe(4);
    expect(await clickedContacts(workspaceId)).toBe(2);

    const result = await runRetention(db.current.prisma, workspaceId, { now: NOW });
    expect(result).toEqual({
      workspaceId,
      mode: "anonymise",
      months: 3,
      cutoff: CUTOFF,
      events: 5,
      customers: 2,
      customersRemoved: 1, // c2 had only old events; its events live on under a token
      batches: 1,
    });
    const totals = await getContactTotals(db.current.prisma, window);
    expect(totals.contacts).toBe(4);
    // The same contacts, now of four customers: c1, c3 and the tokens of c1's and c2's old sends.
    expect(totals.contactedCustomers).toBe(4);
    expect(await clickedContacts(workspaceId)).toBe(2);
  });

  test("leaves no old event under a real customer key, nor its traits, properties or event key", async () => {
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "anonymise", FIXTURE);
    const keysBefore = new Set((await events(workspaceId)).map((e) => e.eventKey));
    await runRetention(db.current.prisma, workspaceId, { now: NOW });

    const all = await events(workspaceId);
    const old = all.filter((e) => e.ts < CUTOFF);
    expect(old).toHaveLength(5);
    for (const event of old) {
      expect(event.customerId).toMatch(TOKEN);
      expect(event.traits).toBeNull();
      expect(event.properties).toBeNull();
      expect(event.eventKey).toMatch(TOKEN);
      expect(keysBefore.has(event.eventKey)).toBe(false);
    }
    // One token per customer: c1's four old events share one, c2's send has another.
    const tokens = old.map((e) => e.customerId);
    expect(new Set(tokens.slice(0, 4)).size).toBe(1);
    expect(tokens[4]).not.toBe(tokens[0]);
    // Nothing stored for the old events mentions the real key any more.
    const text = JSON.stringify(old, (_key, value: unknown) =>
      typeof value === "bigint" ? String(value) : value,
    );
    expect(text).not.toMatch(/"c1"|"c2"|c1@example|Customer One/);
    // The events after the cutoff are untouched.
    expect(all.filter((e) => e.ts >= CUTOFF).map((e) => e.customerId)).toEqual(["c1", "c1", "c3"]);
    // The click still carries the topic it inherited from its (now anonymous) send.
    expect(old[1]).toMatchObject({ type: "message_clicked", topic: "shoes", topicInherited: true });
  });

  test("creates customer rows for the tokens without traits and re-derives the real customers", async () => {
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "anonymise", FIXTURE);
    await runRetention(db.current.prisma, workspaceId, { now: NOW });
    const prisma = db.current.prisma;

    const customers = await prisma.customer.findMany({
      where: { workspaceId },
      orderBy: { firstSeenAt: "asc" },
    });
    expect(customers.map((c) => c.id)).toEqual([
      expect.stringMatching(TOKEN), // c1's old events: 1–4 March
      expect.stringMatching(TOKEN), // c2's send: 5 March
      "c1",
      "c3",
    ]);
    expect(customers[0]).toMatchObject({
      traits: {},
      firstSeenAt: new Date("2026-03-01T10:00:00Z"),
      lastSeenAt: new Date("2026-03-04T10:00:00Z"),
    });
    // c1 lost its traits and its opt-out with the old events; it is first seen at its kept send.
    expect(customers[2]).toMatchObject({ traits: {}, firstSeenAt: new Date("2026-04-01T10:00:00Z") });
    expect(await prisma.customerConsent.count({ where: { workspaceId, customerId: "c1" } })).toBe(0);
    // The unsubscribe without a channel now belongs to c1's token: unsubscribed on all 9 channels.
    const tokenConsents = await prisma.customerConsent.findMany({
      where: { workspaceId, customerId: customers[0].id },
    });
    expect(tokenConsents).toHaveLength(9);
    expect(new Set(tokenConsents.map((c) => c.state))).toEqual(new Set(["unsubscribed"]));
  });

  test("a second run finds nothing to do; tokens differ between workspaces holding the same ids", async () => {
    const a = await workspaceWithPolicy(db.current.prisma, "anonymise", FIXTURE);
    const b = await workspaceWithPolicy(db.current.prisma, "anonymise", FIXTURE);
    await runRetention(db.current.prisma, a, { now: NOW });
    await runRetention(db.current.prisma, b, { now: NOW });
    const facts = await contactFacts(db.current.prisma, a);

    const second = await runRetention(db.current.prisma, a, { now: new Date(NOW.getTime() + 3_600_000) });
    expect(second).toMatchObject({ events: 0, customers: 0, batches: 0 });
    expect(await retentionRuns(db.current.prisma, a)).toHaveLength(1);
    expect(await contactFacts(db.current.prisma, a)).toEqual(facts);

    // Same customer ids, same events: the tokens are random, not computed from the ids.
    const tokensOf = async (workspaceId: number) =>
      new Set((await events(workspaceId)).filter((e) => e.ts < CUTOFF).map((e) => e.customerId));
    const inA = await tokensOf(a);
    const inB = await tokensOf(b);
    expect(inA.size).toBe(2);
    expect(inB.size).toBe(2);
    for (const token of inA) expect(inB.has(token)).toBe(false);
  });

  test("a customer whose old events span batches keeps one token", async () => {
    // 1 old event of c8 and 5 of c9, in customer order in batches of 2: c8 c9 | c9 c9 | c9 c9
    // → 3 batches. c9's five events must share one token across all three.
    const old: RawEvent[] = [
      view("c8", "2026-01-01T10:00:00Z"),
      ...[1, 2, 3, 4, 5].map((day) => view("c9", `2026-02-0${day}T10:00:00Z`)),
    ];
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "anonymise", [
      ...old,
      view("c9", "2026-05-01T10:00:00Z"),
    ]);
    const result = await runRetention(db.current.prisma, workspaceId, { now: NOW, batchSize: 2 });
    expect(result).toMatchObject({ events: 6, customers: 2, customersRemoved: 1, batches: 3 });

    const rows = await db.current.prisma.$queryRaw<{ customerId: string; n: bigint }[]>(Prisma.sql`
      SELECT "customerId", count(*) AS n FROM "Event" WHERE "workspaceId" = ${workspaceId} AND "ts" < CAST('2026-03-15T00:00:00Z' AS timestamptz)
      GROUP BY "customerId" ORDER BY n`);
    expect(rows.map((row) => Number(row.n))).toEqual([1, 5]);
    for (const row of rows) expect(row.customerId).toMatch(TOKEN);
    const [entry] = await retentionRuns(db.current.prisma, workspaceId);
    expect(entry.details).toMatchObject({ mode: "anonymise", events: 6, customers: 2, customersRemoved: 1 });
  });
});
