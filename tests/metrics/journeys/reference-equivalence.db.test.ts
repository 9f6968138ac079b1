import { beforeAll, describe, expect, test } from "vitest";

import type { FunnelResult, FunnelStep, LifecycleChecks } from "@/lib/metrics/journeys";
import type { SegmentFilter } from "@/lib/metrics/segment";
import type { MetricParams } from "@/lib/server/metrics/common/metric-params";
import { getFunnel } from "@/lib/server/metrics/journeys/get-funnel";
import { getLifecycleChecks } from "@/lib/server/metrics/journeys/get-lifecycle-checks";
import { getPaths, type PathsMetricParams } from "@/lib/server/metrics/journeys/get-paths";
import { listNotLetGo } from "@/lib/server/metrics/journeys/list-not-let-go";
import { listNotWelcomed } from "@/lib/server/metrics/journeys/list-not-welcomed";

import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";
import { randomDataset, RANDOM_WINDOW } from "../random-dataset";
import type { RefEvent, RefQuery } from "../reference/events";
import { refFunnel, refLifecycleChecks, refNotLetGo, refNotWelcomed, refPaths } from "../reference/journeys";

import { journeyExtras } from "./journey-extras";

const db = setupTestDatabase();

const DK: SegmentFilter = { field: "trait", key: "country", op: "eq", value: "DK" };

/** Customers whose latest customer_updated says country DK. */
function danes(events: readonly RefEvent[]): Set<string> {
  const latest = new Map<string, RefEvent>();
  for (const e of events) {
    if (e.type !== "customer_updated" || !e.traits || !("country" in e.traits)) continue;
    const known = latest.get(e.customerId);
    if (!known || e.ts > known.ts) latest.set(e.customerId, e);
  }
  return new Set([...latest].filter(([, e]) => e.traits?.country === "DK").map(([id]) => id));
}

interface Variant {
  name: string;
  from: string;
  to: string;
  channel?: "email";
  segment?: boolean;
  timeZone?: string;
}

const VARIANTS: Variant[] = [
  { name: "random window", ...RANDOM_WINDOW },
  {
    name: "a 14-week window in Copenhagen time",
    from: "2026-01-12T00:00:00.000Z",
    to: "2026-04-20T00:00:00.000Z",
    timeZone: "Europe/Copenhagen",
  },
  { name: "email only", ...RANDOM_WINDOW, channel: "email" },
  { name: "DK segment", ...RANDOM_WINDOW, segment: true },
];

const FUNNELS: { steps: FunnelStep[]; days?: number }[] = [
  { steps: [{ type: "message_sent" }, { type: "message_clicked" }, { type: "purchased" }] },
  {
    steps: [
      { type: "message_sent", channel: "email" },
      { type: "message_opened" },
      { type: "message_clicked", channel: "email" },
    ],
    days: 3,
  },
  { steps: [{ type: "message_clicked" }, { type: "message_clicked" }, { type: "message_clicked" }] },
  {
    steps: [
      { type: "product_viewed", topic: "running" },
      { type: "cart_added" },
      { type: "purchased", topic: "running" },
    ],
    days: 30,
  },
  { steps: [{ type: "message_sent", messageKind: "promotional" }, { type: "unsubscribed" }], days: 7 },
  {
    steps: [
      { type: "customer_updated" },
      { type: "message_sent", messageKind: "lifecycle" },
      { type: "message_sent", topic: "sale" },
      { type: "message_clicked", topic: "sale" },
      { type: "purchased" },
    ],
    days: 60,
  },
];

const PATHS: Omit<PathsMetricParams, keyof MetricParams>[] = [
  { anchor: "start" },
  { anchor: "start", event: { type: "message_sent", channel: "email" } },
  { anchor: "end", event: { type: "unsubscribed" } },
  { anchor: "end", event: { type: "purchased" }, depth: 3 },
  { anchor: "start", types: ["message_sent", "message_clicked", "purchased", "unsubscribed"], depth: 7 },
  // Anchors whose first match can share its instant with events of the same type on another
  // channel, or whose run can begin before the first match (a channel narrows a type that is
  // labelled without one).
  { anchor: "start", event: { type: "message_sent" }, depth: 2 },
  { anchor: "end", event: { type: "message_sent" } },
  { anchor: "end", event: { type: "message_clicked", channel: "email" } },
  { anchor: "start", event: { type: "purchased", channel: "store" } },
  {
    anchor: "end",
    event: { type: "unsubscribed", channel: "sms" },
    types: ["message_sent", "message_opened", "unsubscribed", "consent_granted"],
  },
];

function expectSameFunnel(actual: FunnelResult, expected: FunnelResult) {
  expect(actual.steps.map((s) => s.customers)).toEqual(expected.steps.map((s) => s.customers));
  actual.steps.forEach((step, i) => {
    for (const key of [
      "conversionFromFirst",
      "conversionFromPrevious",
      "medianSecondsFromPrevious",
    ] as const) {
      const want = expected.steps[i][key];
      if (want === null) expect(step[key]).toBeNull();
      else expect(step[key]).toBeCloseTo(want, 9);
    }
  });
}

function expectSameChecks(actual: LifecycleChecks, expected: LifecycleChecks) {
  expect({ ...actual, notWelcomed: { ...actual.notWelcomed, share: 0 } }).toEqual({
    ...expected,
    notWelcomed: { ...expected.notWelcomed, share: 0 },
  });
  if (expected.notWelcomed.share === null) expect(actual.notWelcomed.share).toBeNull();
  else expect(actual.notWelcomed.share).toBeCloseTo(expected.notWelcomed.share, 9);
}

describe.each([1, 2, 3, 4, 5])("journeys on random dataset %i equal the reference", (seed) => {
  let workspaceId = 0;
  let events: RefEvent[] = [];
  beforeAll(async () => {
    ({ workspaceId, events } = await loadDataset(db.current.prisma, [
      ...randomDataset(seed),
      ...journeyExtras(seed),
    ]));
  });

  function queries(variant: Variant): { params: MetricParams; query: RefQuery } {
    const params: MetricParams = {
      workspaceId,
      from: new Date(variant.from),
      to: new Date(variant.to),
      channel: variant.channel,
      segment: variant.segment ? DK : undefined,
      timeZone: variant.timeZone,
    };
    const query: RefQuery = {
      from: Date.parse(variant.from),
      to: Date.parse(variant.to),
      channel: variant.channel,
      customers: variant.segment ? danes(events) : undefined,
      timeZone: variant.timeZone,
    };
    return { params, query };
  }

  test.each(VARIANTS)("funnels: $name", async (variant) => {
    const { params, query } = queries(variant);
    for (const funnel of FUNNELS) {
      const actual = await getFunnel(db.current.prisma, {
        ...params,
        steps: funnel.steps,
        conversionWindowDays: funnel.days,
      });
      expectSameFunnel(actual, refFunnel(events, query, funnel.steps, funnel.days));
    }
  });

  test.each(VARIANTS)("paths: $name", async (variant) => {
    const { params, query } = queries(variant);
    for (const options of PATHS) {
      const actual = await getPaths(db.current.prisma, { ...params, ...options });
      expect(actual).toEqual(refPaths(events, query, options));
    }
  });

  test.each(VARIANTS)("lifecycle checks and their lists: $name", async (variant) => {
    const { params, query } = queries(variant);
    expectSameChecks(await getLifecycleChecks(db.current.prisma, params), refLifecycleChecks(events, query));
    const all = { limit: 500, offset: 0 };
    expect(await listNotWelcomed(db.current.prisma, { ...params, ...all })).toEqual(
      refNotWelcomed(events, query),
    );
    expect(await listNotLetGo(db.current.prisma, { ...params, ...all })).toEqual(refNotLetGo(events, query));
  });
});
