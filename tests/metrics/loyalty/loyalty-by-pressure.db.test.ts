import { describe, expect, test } from "vitest";

import { getLoyaltyByPressure } from "@/lib/server/metrics/loyalty/get-loyalty-by-pressure";

import { consent, createWorkspaceWith, type FixtureEvent, sent } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";

import { before, loyaltyWindow, purchase } from "./fixture-time";

const db = setupTestDatabase();

const sends = (customer: string, count: number, channel: "email" | "sms" = "email"): FixtureEvent[] =>
  Array.from({ length: count }, (_, i) => sent(customer, before(20, -i * 3_600_000), channel));

describe("getLoyaltyByPressure", () => {
  test("groups contacted customers by contacts per week over the last 28 days", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, [
      ...sends("q1", 2), //                       0.5 per week: (0, 1]
      purchase("q1", before(20)),
      purchase("q1", before(10)), //              repeat purchaser, bought 10 days ago: not at risk
      consent("unsubscribed", "q1", before(3), "sms"), // any channel counts
      ...sends("q2", 4), //                       exactly 1 per week: (0, 1]
      purchase("q2", before(200)),
      ...sends("q3", 13, "sms"), //               3.25 per week: (3, 5]
      consent("unsubscribed", "q3", before(29)), // before the 28 days
      purchase("q4", before(5)), //               never contacted: in no bucket
      sent("q5", before(28, 1)), //               contacted just before the 28 days: in no bucket
    ]);
    const result = await getLoyaltyByPressure(db.current.prisma, loyaltyWindow(workspaceId));
    expect([result.pressureFrom, result.pressureTo]).toEqual([
      "2026-06-03T00:00:00.000Z",
      "2026-07-01T00:00:00.000Z",
    ]);
    const [low, , , mid] = result.buckets;
    expect(low).toEqual({
      bucket: "0-1",
      customers: 2,
      purchasers: 2,
      repeatPurchasers: 1,
      repeatPurchaseRate: 0.5,
      repeatCustomers: 1,
      atRiskCustomers: 0,
      atRiskShare: 0,
      unsubscribedCustomers: 1,
      unsubscribeShare: 0.5,
    });
    expect(mid).toEqual({
      bucket: "3-5",
      customers: 1,
      purchasers: 0,
      repeatPurchasers: 0,
      repeatPurchaseRate: null,
      repeatCustomers: 0,
      atRiskCustomers: 0,
      atRiskShare: null,
      unsubscribedCustomers: 0,
      unsubscribeShare: 0,
    });
    expect(result.buckets.map((b) => b.customers)).toEqual([2, 0, 0, 1, 0, 0]);
  });

  test("the channel filter decides the pressure; an empty workspace has empty buckets with null shares", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, [
      ...sends("q1", 2),
      ...sends("q3", 13, "sms"),
    ]);
    const email = await getLoyaltyByPressure(db.current.prisma, {
      ...loyaltyWindow(workspaceId),
      channel: "email",
    });
    expect(email.buckets.map((b) => b.customers)).toEqual([1, 0, 0, 0, 0, 0]);
    const empty = await getLoyaltyByPressure(
      db.current.prisma,
      loyaltyWindow(await createWorkspaceWith(db.current.prisma, [])),
    );
    expect(empty.buckets.every((b) => b.customers === 0 && b.unsubscribeShare === null)).toBe(true);
  });
});
