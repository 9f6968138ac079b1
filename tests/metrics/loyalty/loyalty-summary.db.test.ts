import { describe, expect, test } from "vitest";

import { getLoyaltySummary } from "@/lib/server/metrics/loyalty/get-loyalty-summary";

import { createWorkspaceWith, type FixtureEvent } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

import { before, loyaltyWindow, purchase } from "./fixture-time";

const db = setupTestDatabase();

async function summaryOf(events: FixtureEvent[], extra: Record<string, unknown> = {}) {
  const workspaceId = await createWorkspaceWith(db.current.prisma, events);
  return getLoyaltySummary(db.current.prisma, { ...loyaltyWindow(workspaceId), ...extra });
}

describe("getLoyaltySummary: purchases", () => {
  // Window [2025-07-01, 2026-07-01); previous period [2024-07-01, 2025-07-01).
  const events: FixtureEvent[] = [
    purchase("c1", "2026-03-01T10:00:00.000Z"), //                  one purchase: purchaser only
    purchase("c2", "2026-02-01T00:00:00.000Z"), //                  two purchases 59 days apart
    purchase("c2", "2026-04-01T00:00:00.000Z"),
    purchase("c3", "2026-05-01T10:00:00.000Z"), //                  two at the same instant: repeat
    purchase("c3", "2026-05-01T10:00:00.000Z"),
    purchase("c4", "2025-06-30T23:59:59.999Z"), //                  previous period
    purchase("c4", "2025-07-01T00:00:00.000Z"), //                  at `from`: in the window
    { type: "refunded", customer: "c5", at: "2026-05-01T00:00:00.000Z", value: 100 }, // ignored
  ];

  test("one purchase makes a purchaser, two (also at the same instant) a repeat purchaser", async () => {
    const { current } = await summaryOf(events);
    // purchasers c1 c2 c3 c4; repeat c2 c3 (c4 has one purchase in the window)
    expect([current.purchasers, current.repeatPurchasers, current.repeatPurchaseRate]).toEqual([4, 2, 0.5]);
  });

  test("at risk: same-instant purchases give a gap of 0, so the 60-day floor applies", async () => {
    const { current } = await summaryOf(events);
    // ≥ 2 purchases before `to`: c2, c3, c4.
    // c2: gap 59 d → threshold 118 d; 91 d since Apr 1 → fine.
    // c3: gap 0 → threshold 60 d; 60 d 14 h since May 1 10:00 → at risk.
    // c4: gap 1 ms → threshold 60 d; 365 d since → at risk.
    expect([current.repeatCustomers, current.atRiskCustomers, current.atRiskShare]).toEqual([3, 2, 2 / 3]);
  });

  test("without message data the index uses the two purchase components, rescaled, and is partial", async () => {
    const summary = await summaryOf(events);
    const { index } = summary.current;
    // 100 · (0.30 · 0.5 + 0.20 · (1 − 2/3)) / 0.50 = 43.33…
    expect(index.value).toBeCloseTo((100 * (0.3 * 0.5 + 0.2 / 3)) / 0.5, 9);
    expect(index.partial).toBe(true);
    expect(index.components.map((c) => [c.id, c.appliedWeight])).toEqual([
      ["repeatPurchaseRate", 0.6],
      ["notAtRisk", 0.4],
      ["engagedShare", 0],
      ["notOverContacted", 0],
      ["relevance", 0],
    ]);
    expect([
      summary.current.engagedShare,
      summary.current.overContactedShare,
      summary.current.meanRelevance,
    ]).toEqual([null, null, null]);
    // previous: c4 bought once (repeat rate 0); nobody had 2 purchases before 2025-07-01 → at-risk missing
    expect(summary.previous.from).toBe("2024-07-01T00:00:00.000Z");
    expect([summary.previous.purchasers, summary.previous.repeatPurchaseRate]).toEqual([1, 0]);
    expect([summary.previous.repeatCustomers, summary.previous.atRiskShare]).toEqual([0, null]);
    expect(summary.previous.index.value).toBe(0);
    expect(summary.indexChange).toBeCloseTo(summary.current.index.value as number, 9);
  });

  test("an empty workspace has no index at all, and every rate is null", async () => {
    const { current, indexChange } = await summaryOf([]);
    expect(current.index.value).toBeNull();
    expect(current.index.partial).toBe(true);
    expect([current.repeatPurchaseRate, current.atRiskShare, current.engagedShare]).toEqual([
      null,
      null,
      null,
    ]);
    expect(indexChange).toBeNull();
  });
});

describe("getLoyaltySummary: at-risk threshold", () => {
  // Gaps 10, 30, 50, 70 days: an even count, median (30 + 50) / 2 = 40 → threshold 80 days.
  const spaced = (customer: string, lastDaysBefore: number, ms = 0) =>
    [160, 150, 120, 70, 0].map((d) => purchase(customer, before(lastDaysBefore + d, ms)));

  test("median of an even number of gaps is the mean of the middle two; exactly at the threshold is not at risk", async () => {
    const { current } = await summaryOf([
      ...spaced("d1", 80), //          80 d since = 2 × 40: not exceeding
      ...spaced("d2", 80, 1), //       80 d + 1 ms: at risk
    ]);
    expect([current.repeatCustomers, current.atRiskCustomers]).toEqual([2, 1]);
  });

  test("the 60-day floor holds when twice the median gap is shorter", async () => {
    // gaps 5, 5 → 2 × median = 10 days, below the floor of 60
    const short = (customer: string, days: number, ms = 0) =>
      [10, 5, 0].map((d) => purchase(customer, before(days + d, ms)));
    const { current } = await summaryOf([
      ...short("d3", 60), //      exactly 60 d: not at risk
      ...short("d4", 60, 1), //   60 d + 1 ms: at risk
      ...short("d5", 30), //      30 d > 10 d but under the floor: not at risk
    ]);
    expect([current.repeatCustomers, current.atRiskCustomers]).toEqual([3, 1]);
  });

  test("active customers bought in [to − 90 days, to)", async () => {
    const { current } = await summaryOf([
      purchase("e1", before(90)), //         exactly 90 days before: active
      purchase("e2", before(90, 1)), //      a millisecond earlier: not
      purchase("e3", before(0, 1)), //       just before `to`: active
      purchase("e4", before(0)), //          at `to`: outside
    ]);
    expect(current.activeCustomers).toBe(2);
    expect(current.purchasers).toBe(3); // e1, e2, e3 are all in the 365-day window
  });
});

describe("getLoyaltySummary: contacts", () => {
  const send = (customer: string, at: string, channel: "email" | "sms", topic?: string): FixtureEvent => ({
    type: "message_sent",
    customer,
    at,
    channel,
    messageKind: "promotional",
    messageId: `m-${customer}-${at}`,
    topic,
  });
  const hourly = (customer: string, count: number) =>
    Array.from({ length: count }, (_, i) => send(customer, before(27, -i * 3_600_000), "email"));
  const m1Send = before(10);
  const events: FixtureEvent[] = [
    { type: "product_viewed", customer: "m1", at: before(11), channel: "web", topic: "running" },
    send("m1", m1Send, "email", "running"), //      relevance 100, clicked an hour later: engaged
    {
      type: "message_clicked",
      customer: "m1",
      at: before(10, -3_600_000),
      channel: "email",
      messageId: `m-m1-${m1Send}`,
    },
    send("m2", before(50), "sms"), //                in the 90 days, not the 28
    ...hourly("m3", 13), //                          13 / 4 weeks = 3.25 > 3: over-contacted
    ...hourly("m4", 12), //                          12 / 4 = 3: not over the cap
    { type: "product_viewed", customer: "m5", at: before(6), channel: "web", topic: "running" },
    send("m5", before(5), "sms", "yoga"), //         relevance 0 (interest only in running)
  ];

  test("engaged share over 90 days, over-contacted share and mean relevance over 28", async () => {
    const { current } = await summaryOf(events);
    // 90 days: m1..m5 contacted, m1 engaged
    expect([current.contactedCustomers90d, current.engagedCustomers90d, current.engagedShare]).toEqual([
      5, 1, 0.2,
    ]);
    // 28 days: m1 m3 m4 m5 contacted, m3 over the cap
    expect([
      current.contactedCustomers28d,
      current.overContactedCustomers,
      current.overContactedShare,
    ]).toEqual([4, 1, 0.25]);
    // 1 + 13 + 12 + 1 contacts, two scored: (100 + 0) / 2
    expect([current.contacts28d, current.scoredContacts28d, current.meanRelevance]).toEqual([27, 2, 50]);
    // no purchases: 100 · (0.20 · 0.2 + 0.15 · 0.75 + 0.15 · 0.5) / 0.50 = 45.5
    expect(current.index.value).toBeCloseTo(45.5, 9);
    expect(current.index.partial).toBe(true);
  });

  test("the channel filter restricts the contacts, not the clicks or the purchases", async () => {
    const { current } = await summaryOf([...events, purchase("m1", before(20))], { channel: "sms" });
    // sms contacts: m2 (90 days), m5 (28 days, relevance 0)
    expect([current.contactedCustomers90d, current.engagedCustomers90d]).toEqual([2, 0]);
    expect([current.contactedCustomers28d, current.overContactedCustomers, current.meanRelevance]).toEqual([
      1, 0, 0,
    ]);
    expect(current.purchasers).toBe(1);
  });

  test("a lower frequency cap makes more customers over-contacted", async () => {
    const { current, frequencyCap } = await summaryOf(events, { frequencyCap: 2.5 });
    // m3 (3.25) and m4 (3.0) exceed 2.5
    expect([frequencyCap, current.overContactedCustomers]).toEqual([2.5, 2]);
  });
});

describe("getLoyaltySummary: segment", () => {
  test("a segment restricts purchases and contacts to its customers", async () => {
    const raw = (
      type: string,
      customerId: string,
      timestamp: string,
      extra: Record<string, unknown> = {},
    ) => ({
      type,
      customerId,
      timestamp,
      ...extra,
    });
    const bought = { topics: ["running"], value: 10, currency: "DKK", channel: "web" };
    const { workspaceId } = await loadDataset(db.current.prisma, [
      raw("customer_updated", "s1", "2025-01-01T00:00:00Z", { traits: { country: "DK" } }),
      raw("customer_updated", "s2", "2025-01-01T00:00:00Z", { traits: { country: "SE" } }),
      raw("purchased", "s1", "2026-03-01T00:00:00Z", bought),
      raw("purchased", "s1", "2026-04-01T00:00:00Z", bought),
      raw("purchased", "s2", "2026-05-01T00:00:00Z", bought),
      raw("message_sent", "s2", "2026-06-20T00:00:00Z", { channel: "email", messageId: "m1" }),
    ]);
    const { current } = await getLoyaltySummary(db.current.prisma, {
      ...loyaltyWindow(workspaceId),
      segment: { field: "trait", key: "country", op: "eq", value: "DK" },
    });
    // only s1: one purchaser, a repeat one; s2's purchase and contact are outside the segment
    expect([current.purchasers, current.repeatPurchasers, current.contactedCustomers90d]).toEqual([1, 1, 0]);
  });
});
