import { describe, expect, test } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentFilter } from "@/lib/metrics/segment";
import { segmentCustomers } from "@/lib/server/metrics/common/customer-filter";

import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

const db = setupTestDatabase();

// Window [2026-03-02, 2026-03-16): two weeks.
const FROM = new Date("2026-03-02T00:00:00Z");
const TO = new Date("2026-03-16T00:00:00Z");

/*
 * a: DK, gold; two purchases (one in the window); 8 email sends in the window = 4/week (over
 *    the cap of 3), one clicked; unsubscribed from email and re-granted at the same instant
 *    (the opt-out wins the tie: opted out of email); stated topics [running] in force.
 * b: SE, no tier; never purchased; 2 sends = 1/week, none clicked; grant on sms only.
 * c: no country; one purchase long before; no contacts; a channel-less unsubscribe (opted out
 *    of every channel) and preferences with maxPerWeek 1 only.
 */
function events() {
  const list: Record<string, unknown>[] = [];
  const add = (e: Record<string, unknown>) => list.push({ id: `e${list.length + 1}`, ...e });
  add({
    type: "customer_updated",
    customerId: "a",
    timestamp: "2026-01-01T00:00:00Z",
    traits: { country: "DK", loyaltyTier: "gold", birthYear: 1980 },
  });
  add({
    type: "customer_updated",
    customerId: "b",
    timestamp: "2026-01-01T00:00:00Z",
    traits: { country: "SE", birthYear: 1995 },
  });
  add({
    type: "customer_updated",
    customerId: "c",
    timestamp: "2026-01-01T00:00:00Z",
    traits: { birthYear: 1970 },
  });
  add({
    type: "purchased",
    customerId: "a",
    timestamp: "2026-02-10T00:00:00Z",
    channel: "web",
    topics: ["running"],
    value: 10,
    currency: "DKK",
  });
  add({
    type: "purchased",
    customerId: "a",
    timestamp: "2026-03-05T00:00:00Z",
    channel: "web",
    topics: ["running"],
    value: 10,
    currency: "DKK",
  });
  add({
    type: "purchased",
    customerId: "c",
    timestamp: "2025-12-01T00:00:00Z",
    channel: "store",
    topics: ["yoga"],
    value: 10,
    currency: "DKK",
  });
  for (let i = 0; i < 8; i++) {
    const at = new Date(FROM.getTime() + i * 36 * 3_600_000).toISOString();
    add({
      type: "message_sent",
      customerId: "a",
      timestamp: at,
      channel: "email",
      messageId: `ma${i}`,
      topic: "running",
    });
  }
  add({
    type: "message_clicked",
    customerId: "a",
    timestamp: "2026-03-02T05:00:00Z",
    channel: "email",
    messageId: "ma0",
  });
  add({ type: "unsubscribed", customerId: "a", timestamp: "2026-03-10T00:00:00Z", channel: "email" });
  add({ type: "consent_granted", customerId: "a", timestamp: "2026-03-10T00:00:00Z", channel: "email" });
  add({
    type: "preferences_updated",
    customerId: "a",
    timestamp: "2026-02-01T00:00:00Z",
    topics: ["running"],
  });
  add({
    type: "message_sent",
    customerId: "b",
    timestamp: "2026-03-03T00:00:00Z",
    channel: "sms",
    messageId: "mb0",
    topic: "yoga",
  });
  add({
    type: "message_sent",
    customerId: "b",
    timestamp: "2026-03-15T23:59:59.999Z",
    channel: "sms",
    messageId: "mb1",
    topic: "yoga",
  });
  add({ type: "consent_granted", customerId: "b", timestamp: "2026-01-02T00:00:00Z", channel: "sms" });
  add({ type: "unsubscribed", customerId: "c", timestamp: "2026-02-01T00:00:00Z" });
  add({ type: "preferences_updated", customerId: "c", timestamp: "2026-02-01T00:00:00Z", maxPerWeek: 1 });
  return list;
}

describe("segment filters on hand-worked customers", () => {
  let workspaceId = 0;
  async function members(segment: SegmentFilter): Promise<string[]> {
    if (!workspaceId) ({ workspaceId } = await loadDataset(db.current.prisma, events()));
    const rows = await db.current.prisma.$queryRaw<{ id: string }[]>(
      Prisma.sql`${segmentCustomers({ workspaceId, from: FROM, to: TO }, segment)} ORDER BY 1`,
    );
    return rows.map((row) => row.id);
  }

  test.each<[string, SegmentFilter, string[]]>([
    ["trait equals", { field: "trait", key: "country", op: "eq", value: "DK" }, ["a"]],
    [
      "trait not equal includes customers without it",
      { field: "trait", key: "country", op: "neq", value: "DK" },
      ["b", "c"],
    ],
    ["trait in", { field: "trait", key: "country", op: "in", value: ["DK", "SE"] }, ["a", "b"]],
    [
      "trait not in includes customers without it",
      { field: "trait", key: "country", op: "notIn", value: ["SE"] },
      ["a", "c"],
    ],
    ["numeric trait", { field: "trait", key: "birthYear", op: "lt", value: 1985 }, ["a", "c"]],
    ["trait missing", { field: "trait", key: "loyaltyTier", op: "missing" }, ["b", "c"]],
    ["purchases in the window", { field: "purchasesInWindow", op: "gte", value: 1 }, ["a"]],
    ["no purchase at all counts as 0", { field: "purchasesTotal", op: "eq", value: 0 }, ["b"]],
    ["purchases before the window's end", { field: "purchasesTotal", op: "gte", value: 1 }, ["a", "c"]],
    // a: last purchase 2026-03-05 → 11 days before 2026-03-16; c: 2025-12-01 → 105 days; b never.
    [
      "days since last purchase; never-buyers never match",
      { field: "daysSinceLastPurchase", op: "gt", value: 11 },
      ["c"],
    ],
    ["exactly 11 days is not more than 11", { field: "daysSinceLastPurchase", op: "lte", value: 11 }, ["a"]],
    ["contacted in the window", { field: "contacted", op: "is", value: true }, ["a", "b"]],
    ["engaged in the window", { field: "engaged", op: "is", value: true }, ["a"]],
    ["not engaged includes the uncontacted", { field: "engaged", op: "is", value: false }, ["b", "c"]],
    // a: 8 contacts / 2 weeks = 4 > 3; b: 2 / 2 = 1.
    ["over-contacted", { field: "overContacted", op: "is", value: true }, ["a"]],
    [
      "frequency bucket (0,1] holds exactly 1.0",
      { field: "frequencyBucket", op: "in", value: ["0-1"] },
      ["b"],
    ],
    ["frequency bucket (3,5]", { field: "frequencyBucket", op: "in", value: ["3-5"] }, ["a"]],
    [
      "opt-out wins a tie with a grant",
      { field: "consent", channel: "email", op: "is", value: "optedOut" },
      ["a", "c"],
    ],
    ["granted on sms", { field: "consent", channel: "sms", op: "is", value: "granted" }, ["b"]],
    [
      "no consent event for push except c's channel-less unsubscribe",
      { field: "consent", channel: "push", op: "is", value: "unknown" },
      ["a", "b"],
    ],
    ["stated topic", { field: "statedTopic", op: "includes", value: "running" }, ["a"]],
    ["stated maximum per week", { field: "statedMaxPerWeek", op: "lte", value: 1 }, ["c"]],
    ["has stated preferences", { field: "hasStatedPreferences", op: "is", value: true }, ["a", "c"]],
    [
      "and / or / not",
      {
        or: [
          {
            and: [
              { field: "contacted", op: "is", value: true },
              { not: { field: "trait", key: "country", op: "eq", value: "DK" } },
            ],
          },
          { field: "trait", key: "birthYear", op: "eq", value: 1970 },
        ],
      },
      ["b", "c"],
    ],
  ])("%s", async (_name, segment, expected) => {
    expect(await members(segment)).toEqual(expected);
  });
});
