import { describe, expect, test } from "vitest";

import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";
import type { MetricParams } from "@/lib/server/metrics/common/metric-params";
import { refreshContactFacts, scopeAfterEvents } from "@/lib/server/metrics/facts/refresh-contact-facts";
import { getLoyaltySummary } from "@/lib/server/metrics/loyalty/get-loyalty-summary";
import { getLoyaltyTrend, trendMonths } from "@/lib/server/metrics/loyalty/get-loyalty-trend";
import { getLoyaltyCountsAtEnds } from "@/lib/server/metrics/loyalty/loyalty-at-ends";
import {
  readStoredLoyaltyCounts,
  storeLoyaltyCounts,
} from "@/lib/server/metrics/loyalty/stored-loyalty-counts";

import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset, readRefEvents } from "../load-dataset";
import { randomDataset } from "../random-dataset";
import type { RefQuery } from "../reference/events";
import { referenceLoyaltySummary, referenceLoyaltyTrend } from "../reference/loyalty";
import { expectClose } from "../reference-check";

const db = setupTestDatabase();
const DAY = 86_400_000;
const TZ = "Europe/Copenhagen";
// The random data spans January to April 2026; the trend's 12 months end with April.
const FROM = "2025-04-30T22:00:00.000Z";
const TO = "2026-04-30T22:00:00.000Z";

const params = (workspaceId: number, extra: Partial<MetricParams> = {}): MetricParams => ({
  workspaceId,
  from: new Date(FROM),
  to: new Date(TO),
  timeZone: TZ,
  ...extra,
});
const query: RefQuery = { from: Date.parse(FROM), to: Date.parse(TO), timeZone: TZ };

async function storedEnds(workspaceId: number): Promise<string[]> {
  const rows = await db.current.prisma.storedLoyaltyCounts.findMany({
    where: { workspaceId },
    orderBy: { end: "asc" },
  });
  return rows.map((row) => row.end.toISOString());
}

/** The trend's month starts before its last point, as ISO instants. */
const monthEnds = () =>
  trendMonths(new Date(TO), TZ)
    .slice(0, -1)
    .map((month) => month.end.toISOString());

describe("stored loyalty counts at month ends", () => {
  test("the trend stores its points before the last and reads them back with the same figures", async () => {
    const { workspaceId, events } = await loadDataset(db.current.prisma, randomDataset(21));
    const expected = referenceLoyaltyTrend(events, query);

    const first = await getLoyaltyTrend(db.current.prisma, params(workspaceId));
    expect(await storedEnds(workspaceId)).toEqual(monthEnds());
    const again = await getLoyaltyTrend(db.current.prisma, params(workspaceId));

    expectClose(first, expected, "first trend");
    expect(again).toEqual(first);
    // What was stored is what the statement computes for those ends now.
    const ends = monthEnds().map((end) => new Date(end));
    const stored = await readStoredLoyaltyCounts(
      db.current.prisma,
      { workspaceId, windowMs: 365 * DAY, frequencyCap: 3 },
      ends,
    );
    const fresh = await getLoyaltyCountsAtEnds(db.current.prisma, params(workspaceId), ends, 365 * DAY, 3);
    expect(ends.map((end) => stored.counts.get(end.getTime()))).toEqual(fresh);
    expect(fresh.some((counts) => counts.purchasers > 0 && counts.contactedCustomers90d > 0)).toBe(true);

    // And the trend reads them: a stored row altered by hand shows in its point.
    const altered = new Date(monthEnds()[10]);
    await db.current.prisma.$executeRaw`
      UPDATE "StoredLoyaltyCounts" SET "counts" = jsonb_set("counts", '{repeatPurchasers}', to_jsonb(0))
      WHERE "workspaceId" = ${workspaceId} AND "end" = CAST(${altered.toISOString()} AS timestamptz)`;
    const read = await getLoyaltyTrend(db.current.prisma, params(workspaceId));
    expect(first.points[10].repeatPurchaseRate).toBeGreaterThan(0);
    expect(read.points[10].repeatPurchaseRate).toBe(0);
    expect(read.points.filter((_, i) => i !== 10)).toEqual(first.points.filter((_, i) => i !== 10));
  });

  test("new events at time t delete the counts of the ends after t only; the trend then counts them", async () => {
    const { workspaceId } = await loadDataset(db.current.prisma, randomDataset(22));
    await getLoyaltyTrend(db.current.prisma, params(workspaceId));
    const at = "2026-02-15T10:00:00.000Z";

    const result = await ingestEvents(db.current.prisma, workspaceId, [
      {
        id: "late-1",
        type: "purchased",
        customerId: "c-001",
        timestamp: at,
        topic: "yoga",
        value: 99,
        currency: "DKK",
      },
      {
        id: "late-2",
        type: "purchased",
        customerId: "c-new",
        timestamp: at,
        topic: "sale",
        value: 25,
        currency: "DKK",
      },
    ]);

    expect(result.rejected).toEqual([]);
    expect(result.accepted).toBe(2);
    expect(await storedEnds(workspaceId)).toEqual(monthEnds().filter((end) => end <= at));
    // As the refresher does after the announcement: facts from 7 days before the events on.
    const scope = scopeAfterEvents({ workspaceId, from: new Date(at) });
    await refreshContactFacts(db.current.prisma, scope);
    expect(await storedEnds(workspaceId)).toEqual(
      monthEnds().filter((end) => end <= scope.since!.toISOString()),
    );
    const trend = await getLoyaltyTrend(db.current.prisma, params(workspaceId));
    expectClose(
      trend,
      referenceLoyaltyTrend(await readRefEvents(db.current.prisma, workspaceId), query),
      "trend",
    );
    expect(await storedEnds(workspaceId)).toEqual(monthEnds());
  });

  test("a summary stores its previous period's end, never its own, and reads it back", async () => {
    const { workspaceId, events } = await loadDataset(db.current.prisma, randomDataset(26));
    const window = {
      from: Date.parse("2026-03-10T00:00:00.000Z"),
      to: Date.parse("2026-04-20T00:00:00.000Z"),
    };
    const summaryParams = params(workspaceId, { from: new Date(window.from), to: new Date(window.to) });
    const expected = referenceLoyaltySummary(events, { ...query, ...window });

    const first = await getLoyaltySummary(db.current.prisma, summaryParams);
    expect(await storedEnds(workspaceId)).toEqual([new Date(window.from).toISOString()]);
    const again = await getLoyaltySummary(db.current.prisma, summaryParams);

    expectClose(first, expected, "summary");
    expect(again).toEqual(first);
    expect(first.previous.purchasers).toBeGreaterThan(0);
  });

  test("a change with no known time deletes every stored count of the workspace", async () => {
    const { workspaceId } = await loadDataset(db.current.prisma, randomDataset(23));
    await getLoyaltyTrend(db.current.prisma, params(workspaceId));
    expect(await storedEnds(workspaceId)).toHaveLength(11);

    await recordDataChange(db.current.prisma, workspaceId);

    expect(await storedEnds(workspaceId)).toEqual([]);
  });

  test("counts computed before a change are not stored after it", async () => {
    const { workspaceId } = await loadDataset(db.current.prisma, randomDataset(24));
    const key = { workspaceId, windowMs: 365 * DAY, frequencyCap: 3 };
    const end = new Date("2026-03-01T00:00:00.000Z");
    const { version } = await readStoredLoyaltyCounts(db.current.prisma, key, [end]);
    const [counts] = await getLoyaltyCountsAtEnds(
      db.current.prisma,
      params(workspaceId),
      [end],
      365 * DAY,
      3,
    );

    await recordDataChange(db.current.prisma, workspaceId, new Date("2026-04-01T00:00:00.000Z"));
    await storeLoyaltyCounts(db.current.prisma, key, version, [{ end, counts }]);
    expect(await storedEnds(workspaceId)).toEqual([]);

    const current = await readStoredLoyaltyCounts(db.current.prisma, key, [end]);
    await storeLoyaltyCounts(db.current.prisma, key, current.version, [{ end, counts }]);
    expect(await storedEnds(workspaceId)).toEqual([end.toISOString()]);
  });

  test("a trend by channel or segment stores nothing", async () => {
    const { workspaceId, events } = await loadDataset(db.current.prisma, randomDataset(25));

    const byChannel = await getLoyaltyTrend(db.current.prisma, params(workspaceId, { channel: "email" }));
    await getLoyaltyTrend(
      db.current.prisma,
      params(workspaceId, { segment: { field: "trait", key: "loyaltyTier", op: "eq", value: "gold" } }),
    );

    expect(await storedEnds(workspaceId)).toEqual([]);
    expectClose(byChannel, referenceLoyaltyTrend(events, { ...query, channel: "email" }), "by channel");
  });
});
