import { describe, expect, test } from "vitest";

import type { MetricParams, MetricsClient } from "@/lib/server/metrics/common/metric-params";
import { getLoyaltySummary } from "@/lib/server/metrics/loyalty/get-loyalty-summary";
import { getLoyaltyTrend } from "@/lib/server/metrics/loyalty/get-loyalty-trend";
import { getLoyaltyCountsAtEnds, loyaltyCountsAtEnds } from "@/lib/server/metrics/loyalty/loyalty-at-ends";

import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";
import { randomDataset } from "../random-dataset";
import type { RefEvent, RefQuery } from "../reference/events";
import { referenceLoyaltySummary, referenceLoyaltyTrend } from "../reference/loyalty";
import { expectClose } from "../reference-check";

const db = setupTestDatabase();
const DAY = 86_400_000;

/**
 * The database client, counting the statements sent through it that read events (not those
 * reading or storing the trend's stored month ends: stored-loyalty-counts.db.test.ts).
 */
function counting(prisma: MetricsClient): { client: MetricsClient; statements: () => number } {
  let statements = 0;
  const client = new Proxy(prisma, {
    get(target, property, receiver) {
      if (property !== "$queryRaw") return Reflect.get(target, property, receiver);
      return (...args: Parameters<MetricsClient["$queryRaw"]>) => {
        if ((args[0] as { sql?: string }).sql?.includes('"Event"')) statements += 1;
        return target.$queryRaw(...args);
      };
    },
  });
  return { client, statements: () => statements };
}

describe("loyalty counts asked together", () => {
  let data: { workspaceId: number; events: RefEvent[] };
  const load = async () => (data ??= await loadDataset(db.current.prisma, randomDataset(7)));

  test("the summary and the trend of one 365-day window share one statement and keep their figures", async () => {
    const { workspaceId, events } = await load();
    // 365 days between two Copenhagen midnights of the same offset, as the Loyalty page asks.
    const from = "2025-04-20T22:00:00.000Z";
    const to = "2026-04-20T22:00:00.000Z";
    const params: MetricParams = {
      workspaceId,
      from: new Date(from),
      to: new Date(to),
      timeZone: "Europe/Copenhagen",
    };
    const query: RefQuery = { from: Date.parse(from), to: Date.parse(to), timeZone: "Europe/Copenhagen" };
    const { client, statements } = counting(db.current.prisma);

    const [summary, trend] = await Promise.all([
      getLoyaltySummary(client, params),
      getLoyaltyTrend(client, params),
    ]);

    expect(statements()).toBe(1);
    expectClose(summary, referenceLoyaltySummary(events, query), "summary");
    expectClose(trend, referenceLoyaltyTrend(events, query), "trend");
    // The two share the window's end: the summary's current figures are the trend's last point.
    const { month: _month, ...last } = trend.points[11];
    expect(last).toEqual(summary.current);
  });

  test("a summary over another window length is computed apart", async () => {
    const { workspaceId, events } = await load();
    const from = "2026-02-10T00:00:00.000Z";
    const to = "2026-04-11T00:00:00.000Z";
    const params: MetricParams = { workspaceId, from: new Date(from), to: new Date(to), channel: "email" };
    const query: RefQuery = { from: Date.parse(from), to: Date.parse(to), channel: "email" };
    const { client, statements } = counting(db.current.prisma);

    const [summary, trend] = await Promise.all([
      getLoyaltySummary(client, params),
      getLoyaltyTrend(client, params),
    ]);

    expect(statements()).toBe(2);
    expectClose(summary, referenceLoyaltySummary(events, query), "summary");
    expectClose(trend, referenceLoyaltyTrend(events, query), "trend");
  });

  test("requests whose ends together pass 14 are computed one by one, each with its own ends", async () => {
    const { workspaceId } = await load();
    const params: MetricParams = {
      workspaceId,
      from: new Date("2025-06-01T00:00:00.000Z"),
      to: new Date("2026-04-01T00:00:00.000Z"),
    };
    const ends = (first: number) =>
      Array.from(
        { length: 8 },
        (_, i) => new Date(Date.parse("2025-06-01T00:00:00.000Z") + (first + 2 * i) * 17 * DAY),
      );
    const [odd, even] = [ends(1), ends(0)];
    const alone = {
      odd: await getLoyaltyCountsAtEnds(db.current.prisma, params, odd, 365 * DAY, 3),
      even: await getLoyaltyCountsAtEnds(db.current.prisma, params, even, 365 * DAY, 3),
    };
    const { client, statements } = counting(db.current.prisma);

    const [together, again] = await Promise.all([
      loyaltyCountsAtEnds(client, params, odd, 365 * DAY, 3),
      loyaltyCountsAtEnds(client, params, even, 365 * DAY, 3),
    ]);

    expect(statements()).toBe(2);
    expect(together).toEqual(alone.odd);
    expect(again).toEqual(alone.even);
    expect(alone.odd.some((counts) => counts.purchasers > 0 && counts.contactedCustomers90d > 0)).toBe(true);
  });

  test("requests on different clients are never merged", async () => {
    const { workspaceId } = await load();
    const params: MetricParams = {
      workspaceId,
      from: new Date("2025-06-01T00:00:00.000Z"),
      to: new Date("2026-04-01T00:00:00.000Z"),
    };
    const end = [new Date("2026-04-01T00:00:00.000Z")];
    const first = counting(db.current.prisma);
    const second = counting(db.current.prisma);

    const [a, b] = await Promise.all([
      loyaltyCountsAtEnds(first.client, params, end, 365 * DAY, 3),
      loyaltyCountsAtEnds(second.client, params, end, 365 * DAY, 3),
    ]);

    expect([first.statements(), second.statements()]).toEqual([1, 1]);
    expect(a).toEqual(b);
  });
});
