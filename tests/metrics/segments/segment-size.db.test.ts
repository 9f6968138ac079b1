import { describe, expect, test } from "vitest";

import type { SegmentFilter } from "@/lib/metrics/segment";
import { getSegmentSize } from "@/lib/server/metrics/segments/get-segment-size";

import { createWorkspace } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

const db = setupTestDatabase();

// Window [2026-03-02, 2026-03-16): two weeks.
const FROM = new Date("2026-03-02T00:00:00Z");
const TO = new Date("2026-03-16T00:00:00Z");

/*
 * Four customers, worked by hand:
 *   a: gold, e-mail granted; contacted once in the window.
 *   b: gold, e-mail granted then unsubscribed (opted out at the window's end); never contacted.
 *   c: silver, e-mail granted; contacted once, before the window.
 *   d: no tier, no consent event; contacted once in the window.
 * Gold: a, b. Granted on e-mail at the end: a, c. Both: a. Contacted in the window: a, d.
 * A second workspace holds one gold customer with e-mail granted, who must never be counted.
 */
const profile = (customerId: string, traits: Record<string, unknown>) => ({
  type: "customer_updated",
  customerId,
  timestamp: "2026-01-01T00:00:00Z",
  traits,
});
const grant = (customerId: string) => ({
  type: "consent_granted",
  customerId,
  timestamp: "2026-01-02T00:00:00Z",
  channel: "email",
});
const send = (customerId: string, timestamp: string) => ({
  type: "message_sent",
  customerId,
  timestamp,
  channel: "email",
  messageId: `m-${customerId}`,
  topic: "running",
});

function events(): Record<string, unknown>[] {
  const list = [
    profile("a", { loyaltyTier: "gold" }),
    profile("b", { loyaltyTier: "gold" }),
    profile("c", { loyaltyTier: "silver" }),
    profile("d", { country: "DK" }),
    grant("a"),
    grant("b"),
    grant("c"),
    { type: "unsubscribed", customerId: "b", timestamp: "2026-02-01T00:00:00Z", channel: "email" },
    send("a", "2026-03-03T09:00:00Z"),
    send("c", "2026-02-20T09:00:00Z"),
    send("d", "2026-03-10T09:00:00Z"),
  ];
  return list.map((event, index) => ({ id: `e${index + 1}`, ...event }));
}

const gold: SegmentFilter = { field: "trait", key: "loyaltyTier", op: "eq", value: "gold" };
const emailGranted: SegmentFilter = { field: "consent", channel: "email", op: "is", value: "granted" };

describe("segment size on hand-worked customers", () => {
  let workspaceId = 0;
  async function size(segment: SegmentFilter | null, window = { from: FROM, to: TO }) {
    if (!workspaceId) {
      ({ workspaceId } = await loadDataset(db.current.prisma, events()));
      // Another workspace's customer matches every segment below but belongs elsewhere.
      await loadDataset(db.current.prisma, [
        { id: "x1", ...profile("a", { loyaltyTier: "gold" }) },
        { id: "x2", ...grant("a") },
      ]);
    }
    return getSegmentSize(db.current.prisma, { workspaceId, ...window, segment });
  }

  test("without a segment every customer of the workspace matches", async () => {
    expect(await size(null)).toEqual({ customers: 4, matching: 4, share: 1 });
  });

  test("two conditions joined with AND: gold and granted on e-mail is a only", async () => {
    expect(await size({ and: [gold, emailGranted] })).toEqual({ customers: 4, matching: 1, share: 0.25 });
  });

  test("OR counts a customer matching both conditions once: a, b and c", async () => {
    expect(await size({ or: [gold, emailGranted] })).toEqual({ customers: 4, matching: 3, share: 0.75 });
  });

  test("NOT gold is c and d, the customer without a tier included", async () => {
    expect(await size({ not: gold })).toEqual({ customers: 4, matching: 2, share: 0.5 });
  });

  test("behaviour is read in the window: contacted is a and d, and c in the two weeks before", async () => {
    const contacted: SegmentFilter = { field: "contacted", op: "is", value: true };
    expect(await size(contacted)).toEqual({ customers: 4, matching: 2, share: 0.5 });
    const before = { from: new Date("2026-02-16T00:00:00Z"), to: FROM };
    expect(await size(contacted, before)).toEqual({ customers: 4, matching: 1, share: 0.25 });
  });

  test("a segment nobody is in has size 0, not null", async () => {
    expect(await size({ field: "trait", key: "loyaltyTier", op: "eq", value: "vip" })).toEqual({
      customers: 4,
      matching: 0,
      share: 0,
    });
  });

  test("a workspace without customers has no share", async () => {
    const empty = await createWorkspace(db.current.prisma, "Empty");
    expect(
      await getSegmentSize(db.current.prisma, { workspaceId: empty, from: FROM, to: TO, segment: gold }),
    ).toEqual({ customers: 0, matching: 0, share: null });
  });
});
