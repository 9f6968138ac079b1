import { describe, expect, test } from "vitest";

import { runRetention } from "@/lib/server/retention/run-retention";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";
import { derivedState } from "../ingest/ingest-state";

import {
  click,
  contactFacts,
  CUTOFF,
  ingest,
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

// Policy 3 months, now 15 June 2026 (UTC workspace): cutoff 15 March 00:00 UTC. "old" = before it.
const KEPT: RawEvent[] = [
  send("c1", "m1", "2026-03-20T10:00:00Z", { id: "k1" }), //          c1's send: opted out by the old unsubscribe
  view("c1", "2026-04-01T10:00:00Z", { id: "k2" }), //                c1 last seen
  send("c3", "m2", "2026-03-20T09:00:00Z", { id: "k3", topic: "boots", campaignId: "late" }), // m2's second send
  view("c4", "2026-03-15T00:00:00Z", { id: "k4" }), //                exactly at the cutoff: kept
];
const OLD: RawEvent[] = [
  traits("c1", "2026-02-01T08:00:00Z", { tier: "gold" }), //           c1's only traits
  unsubscribed("c1", "2026-03-01T08:00:00Z"), //                       c1's only consent event
  send("c2", "m2", "2026-03-10T09:00:00Z", { topic: "shoes", campaignId: "early" }), // m2's first send
  click("c2", "m2", "2026-03-11T09:00:00Z"), //                        c2 has nothing else: removed
  view("c4", "2026-03-14T23:59:59.999Z"), //                           1 ms before the cutoff: deleted
];
// Deleted: 5 events of c1, c2, c4 (3 customers); only c2 is left without events.

describe("retention in delete mode", () => {
  test("deletes exactly the events before the cutoff", async () => {
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "delete", [...KEPT, ...OLD]);
    const result = await runRetention(db.current.prisma, workspaceId, { now: NOW });

    expect(result).toEqual({
      workspaceId,
      mode: "delete",
      months: 3,
      cutoff: CUTOFF,
      events: 5,
      customers: 3,
      customersRemoved: 1,
      batches: 1,
    });
    const events = await db.current.prisma.event.findMany({ where: { workspaceId }, orderBy: { ts: "asc" } });
    expect(events.map((e) => [e.customerId, e.ts.toISOString()])).toEqual([
      ["c4", "2026-03-15T00:00:00.000Z"],
      ["c3", "2026-03-20T09:00:00.000Z"],
      ["c1", "2026-03-20T10:00:00.000Z"],
      ["c1", "2026-04-01T10:00:00.000Z"],
    ]);
  });

  test("re-derives what the deleted events fed: consent, traits, first seen, first sends, contact facts", async () => {
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "delete", [...KEPT, ...OLD]);
    const before = await db.current.prisma.contactFact.findFirstOrThrow({
      where: { workspaceId, customerId: "c1" },
    });
    expect(before.optedOutAt).toEqual(new Date("2026-03-01T08:00:00Z")); // the old unsubscribe was in force

    await runRetention(db.current.prisma, workspaceId, { now: NOW });
    const prisma = db.current.prisma;

    // c1: its only consent event and its traits were old, so no consent state and no traits remain.
    expect(await prisma.customerConsent.count({ where: { workspaceId, customerId: "c1" } })).toBe(0);
    expect(
      await prisma.customer.findUnique({ where: { workspaceId_id: { workspaceId, id: "c1" } } }),
    ).toMatchObject({
      traits: {},
      firstSeenAt: new Date("2026-03-20T10:00:00Z"),
      lastSeenAt: new Date("2026-04-01T10:00:00Z"),
    });
    // c2 had only old events: gone. c4 keeps the event at the cutoff.
    expect(
      (await prisma.customer.findMany({ where: { workspaceId }, orderBy: { id: "asc" } })).map((c) => c.id),
    ).toEqual(["c1", "c3", "c4"]);
    // m2's first send was old: the catalogue now describes it by the kept send.
    expect(
      await prisma.message.findUnique({ where: { workspaceId_messageId: { workspaceId, messageId: "m2" } } }),
    ).toMatchObject({ firstSentAt: new Date("2026-03-20T09:00:00Z"), topic: "boots", campaignId: "late" });
    // The contact facts: c2's send is no contact any more; c1's send is no longer after an opt-out.
    expect(
      (await contactFacts(prisma, workspaceId)).map((f) => [f.customerId, f.messageId, f.optedOutAt]),
    ).toEqual([
      ["c3", "m2", null],
      ["c1", "m1", null],
    ]);
  });

  test("leaves the same derived state and contact facts as ingesting only the kept events", async () => {
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "delete", [...KEPT, ...OLD]);
    await runRetention(db.current.prisma, workspaceId, { now: NOW });

    const reference = await createWorkspace(db.current.prisma);
    await ingest(db.current.prisma, reference, KEPT);
    expect(await derivedState(db.current.prisma, workspaceId)).toEqual(
      await derivedState(db.current.prisma, reference),
    );
    expect(await contactFacts(db.current.prisma, workspaceId)).toEqual(
      await contactFacts(db.current.prisma, reference),
    );
  });

  test("records the run in the audit log with its counts, and when it ran", async () => {
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "delete", [...KEPT, ...OLD]);
    await runRetention(db.current.prisma, workspaceId, { now: NOW });

    const [entry, ...more] = await retentionRuns(db.current.prisma, workspaceId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      userId: null,
      targetType: "workspace",
      targetId: String(workspaceId),
      details: {
        mode: "delete",
        months: 3,
        cutoff: "2026-03-15T00:00:00.000Z",
        events: 5,
        customers: 3,
        customersRemoved: 1,
        batches: 1,
      },
    });
    const workspace = await db.current.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    expect(workspace.retentionRunAt).toEqual(NOW);
  });

  test("a second run the same day finds nothing, records its time and writes no audit entry", async () => {
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "delete", [...KEPT, ...OLD]);
    await runRetention(db.current.prisma, workspaceId, { now: NOW });
    const state = await derivedState(db.current.prisma, workspaceId);

    const later = new Date(NOW.getTime() + 60 * 60 * 1000);
    const second = await runRetention(db.current.prisma, workspaceId, { now: later });
    expect(second).toMatchObject({ events: 0, customers: 0, customersRemoved: 0, batches: 0 });
    expect(await derivedState(db.current.prisma, workspaceId)).toEqual(state);
    expect(await retentionRuns(db.current.prisma, workspaceId)).toHaveLength(1);
    const workspace = await db.current.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    expect(workspace.retentionRunAt).toEqual(later);
  });

  test("in batches smaller than the work, deletes the same and leaves the same state as one batch", async () => {
    // 7 old events of 3 customers; batches of 2 events: 2 + 2 + 2 + 1 = 4 batches. c5's three
    // old events span two batches.
    const old: RawEvent[] = [
      view("c5", "2026-01-01T10:00:00Z"),
      view("c5", "2026-01-02T10:00:00Z"),
      traits("c5", "2026-01-03T10:00:00Z", { tier: "old" }),
      view("c6", "2026-01-04T10:00:00Z"),
      unsubscribed("c6", "2026-01-05T10:00:00Z"),
      view("c7", "2026-01-06T10:00:00Z"),
      send("c7", "m7", "2026-01-07T10:00:00Z"),
    ];
    const kept: RawEvent[] = [
      view("c5", "2026-05-01T10:00:00Z", { id: "b1" }),
      send("c7", "m7", "2026-05-02T10:00:00Z", { id: "b2" }),
    ];
    const batched = await workspaceWithPolicy(db.current.prisma, "delete", [...old, ...kept]);
    const whole = await workspaceWithPolicy(db.current.prisma, "delete", [...old, ...kept]);

    const result = await runRetention(db.current.prisma, batched, { now: NOW, batchSize: 2 });
    expect(result).toMatchObject({ events: 7, customers: 3, customersRemoved: 1, batches: 4 }); // c6 removed
    await runRetention(db.current.prisma, whole, { now: NOW });

    expect(await derivedState(db.current.prisma, batched)).toEqual(
      await derivedState(db.current.prisma, whole),
    );
    expect(await contactFacts(db.current.prisma, batched)).toEqual(
      await contactFacts(db.current.prisma, whole),
    );
    expect(await db.current.prisma.event.count({ where: { workspaceId: batched } })).toBe(2);
    const [entry] = await retentionRuns(db.current.prisma, batched);
    expect(entry.details).toMatchObject({ events: 7, customers: 3, customersRemoved: 1, batches: 4 });
  });

  test("a workspace without a policy is left alone", async () => {
    const workspaceId = await workspaceWithPolicy(db.current.prisma, "delete", OLD, null);
    expect(await runRetention(db.current.prisma, workspaceId, { now: NOW })).toBeNull();
    expect(await db.current.prisma.event.count({ where: { workspaceId } })).toBe(OLD.length);
    const workspace = await db.current.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    expect(workspace.retentionRunAt).toBeNull();
  });
});
