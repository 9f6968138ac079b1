import { beforeAll, describe, expect, test } from "vitest";

import { customerRanges } from "@/lib/server/metrics/common/customer-ranges";
import type { MetricParams } from "@/lib/server/metrics/common/metric-params";
import { getContactTotals } from "@/lib/server/metrics/frequency/get-contact-totals";
import { getFrequencyDistribution } from "@/lib/server/metrics/frequency/get-frequency-distribution";
import { getOverContacted } from "@/lib/server/metrics/frequency/get-over-contacted";
import { getSaturationCurve } from "@/lib/server/metrics/frequency/get-saturation-curve";
import { getSilentCustomers } from "@/lib/server/metrics/frequency/get-silent-customers";
import { getPaths, type PathsMetricParams } from "@/lib/server/metrics/journeys/get-paths";
import { getLoyaltySummary } from "@/lib/server/metrics/loyalty/get-loyalty-summary";
import { getLoyaltyTrend } from "@/lib/server/metrics/loyalty/get-loyalty-trend";
import { getStatedVsActual } from "@/lib/server/metrics/relevance/get-stated-vs-actual";

import { setupTestDatabase } from "../helpers/test-database";

import { loadDataset } from "./load-dataset";
import { randomDataset, RANDOM_WINDOW } from "./random-dataset";
import type { RefEvent, RefQuery } from "./reference/events";
import {
  refFrequencyDistribution,
  refOverContacted,
  refSaturationCurve,
  refSilentCustomers,
} from "./reference/frequency";
import { refPaths } from "./reference/journeys";
import { referenceLoyaltySummary, referenceLoyaltyTrend } from "./reference/loyalty";
import { refStatedVsActual } from "./reference/relevance";
import { expectClose } from "./reference-check";

const db = setupTestDatabase();

/**
 * Paths, loyalty, the per-customer frequency figures, the contact totals and the saturation
 * curve split the customers in two ranges from the events' statistics and add the halves'
 * counts, on PostgreSQL (PGlite runs statements one at a time: one range there). Small test
 * data has no histogram of customers (every key is a most common value), so here enough
 * customers are loaded and analysed for the split to happen.
 */
describe("metrics over customers split in two ranges", () => {
  let workspaceId = 0;
  let events: RefEvent[] = [];
  beforeAll(async () => {
    ({ workspaceId, events } = await loadDataset(db.current.prisma, randomDataset(11, { customers: 240 })));
    await db.current.prisma.$executeRawUnsafe(`ANALYZE "Event"`);
  });

  test("the ranges cover every customer once (PostgreSQL); one range on PGlite", async () => {
    const ranges = await customerRanges(db.current.prisma, 2);
    if (db.current.target.kind === "pglite") {
      expect(ranges).toEqual([{ lo: null, hi: null }]);
      return;
    }
    expect(ranges).toHaveLength(2);
    expect(ranges[0].lo).toBeNull();
    expect(ranges[1].hi).toBeNull();
    expect(ranges[0].hi).toBe(ranges[1].lo);
    const ids = [...new Set(events.map((event) => event.customerId))];
    const below = ids.filter((id) => id < ranges[0].hi!);
    // Keys sort the same in code points and in the database here (ASCII keys), and the halves
    // are both substantial.
    expect(below.length).toBeGreaterThan(ids.length / 4);
    expect(ids.length - below.length).toBeGreaterThan(ids.length / 4);
  });

  const OPTIONS: Omit<PathsMetricParams, "workspaceId" | "from" | "to">[] = [
    { anchor: "start" },
    { anchor: "start", event: { type: "message_sent", channel: "email" }, depth: 3 },
    { anchor: "end", event: { type: "purchased" } },
  ];

  test.each(OPTIONS)("paths equal the reference: %o", async (options) => {
    const from = RANDOM_WINDOW.from;
    const to = RANDOM_WINDOW.to;
    const actual = await getPaths(db.current.prisma, {
      workspaceId,
      from: new Date(from),
      to: new Date(to),
      ...options,
    });
    expect(actual.customers).toBeGreaterThan(0);
    expect(actual).toEqual(refPaths(events, { from: Date.parse(from), to: Date.parse(to) }, options));
  });

  test("the loyalty summary and trend equal the reference", async () => {
    const from = "2025-05-01T00:00:00.000Z";
    const to = "2026-05-01T00:00:00.000Z";
    const params: MetricParams = { workspaceId, from: new Date(from), to: new Date(to) };
    const query: RefQuery = { from: Date.parse(from), to: Date.parse(to) };
    const [summary, trend] = await Promise.all([
      getLoyaltySummary(db.current.prisma, params),
      getLoyaltyTrend(db.current.prisma, params),
    ]);
    expect(summary.current.purchasers).toBeGreaterThan(0);
    expectClose(summary, referenceLoyaltySummary(events, query), "summary");
    expectClose(trend, referenceLoyaltyTrend(events, query), "trend");
  });

  test("frequency, contact totals, stated vs actual, saturation, silent and over-contacted customers equal the reference", async () => {
    const params: MetricParams = {
      workspaceId,
      from: new Date(RANDOM_WINDOW.from),
      to: new Date(RANDOM_WINDOW.to),
    };
    const query: RefQuery = { from: Date.parse(RANDOM_WINDOW.from), to: Date.parse(RANDOM_WINDOW.to) };
    const frequency = await getFrequencyDistribution(db.current.prisma, params);
    expect(frequency.total.contactedCustomers).toBeGreaterThan(100);
    const reference = refFrequencyDistribution(events, query);
    expectClose(frequency, reference);
    const totals = await getContactTotals(db.current.prisma, params);
    expect(totals.contacts).toBe(reference.total.contacts);
    expect(totals.contactedCustomers).toBe(reference.total.contactedCustomers);
    expect(totals.medianContactsPerWeek).toBeCloseTo(reference.total.medianPerWeek!, 12);
    expectClose(await getStatedVsActual(db.current.prisma, params), refStatedVsActual(events, query));
    const saturation = await getSaturationCurve(db.current.prisma, params);
    expect(saturation.buckets.filter((bucket) => bucket.unsubscribedCustomers > 0).length).toBeGreaterThan(0);
    expectClose(saturation, refSaturationCurve(events, query));
    expectClose(await getSilentCustomers(db.current.prisma, params), refSilentCustomers(events, query));
    expectClose(
      await getOverContacted(db.current.prisma, { ...params, frequencyCap: 1 }),
      refOverContacted(events, { ...query, frequencyCap: 1 }),
    );
  });

  test("one part asked for, one range", async () => {
    expect(await customerRanges(db.current.prisma, 1)).toEqual([{ lo: null, hi: null }]);
  });
});
