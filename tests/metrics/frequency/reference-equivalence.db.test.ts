import { beforeAll, describe, test } from "vitest";

import type { MetricParams } from "@/lib/server/metrics/common/metric-params";
import { getContactPressureHeatmap } from "@/lib/server/metrics/frequency/get-contact-pressure-heatmap";
import { getContactsAfterOptOut } from "@/lib/server/metrics/frequency/get-contacts-after-opt-out";
import { getFrequencyDistribution } from "@/lib/server/metrics/frequency/get-frequency-distribution";
import { getOverContacted } from "@/lib/server/metrics/frequency/get-over-contacted";
import { getSaturationCurve } from "@/lib/server/metrics/frequency/get-saturation-curve";
import { getSilentCustomers } from "@/lib/server/metrics/frequency/get-silent-customers";
import { listContactsAfterOptOut } from "@/lib/server/metrics/frequency/list-contacts-after-opt-out";
import { listSilentCustomers } from "@/lib/server/metrics/frequency/list-silent-customers";
import { Random } from "@/prisma/seed/generator/prng";

import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";
import { randomDataset, RANDOM_WINDOW } from "../random-dataset";
import type { RefEvent, RefQuery } from "../reference/events";
import {
  refContactPressureHeatmap,
  refContactsAfterOptOut,
  refFrequencyDistribution,
  refListContactsAfterOptOut,
  refListSilentCustomers,
  refOverContacted,
  refSaturationCurve,
  refSilentCustomers,
} from "../reference/frequency";
import { danishCustomers, expectClose } from "../reference-check";

const db = setupTestDatabase();

interface Case {
  name: string;
  from: string;
  to: string;
  channel?: "email" | "sms" | "push";
  danish?: boolean;
  timeZone?: string;
  frequencyCap?: number;
}

const CASES: Case[] = [
  { name: "random window", ...RANDOM_WINDOW },
  // 3 weeks and 1.5 days, starting on a Tuesday, across the Copenhagen DST change (03-29)
  {
    name: "odd window, Copenhagen",
    from: "2026-03-10T00:00:00.000Z",
    to: "2026-04-01T12:00:00.000Z",
    timeZone: "Europe/Copenhagen",
    frequencyCap: 2,
  },
  { name: "email only", ...RANDOM_WINDOW, channel: "email" },
  { name: "segment DK", ...RANDOM_WINDOW, danish: true, timeZone: "America/New_York" },
];

const HOUR = 3_600_000;

/**
 * Heavy customers the random generator lacks: 4–40 sends in the random window (so every
 * bucket, the bucket edges 4, 8, 12, 20, 28 sends in 4 weeks, and ≥ 8 contacts without a click
 * occur), some clicks, and unsubscribes / complaints inside the window.
 */
function heavyCustomers(seed: number): Record<string, unknown>[] {
  const random = new Random(1000 + seed);
  const from = Date.parse(RANDOM_WINDOW.from);
  const events: Record<string, unknown>[] = [];
  let n = 0;
  const add = (event: Record<string, unknown>, ts: number) => {
    n += 1;
    events.push({ id: `h${seed}-${n}`, ...event, timestamp: new Date(ts).toISOString() });
  };
  const counts = [4, 8, 12, 20, 28, 8, 9, 16, 33, 40, 6, 10];
  counts.forEach((sends, i) => {
    const customerId = `h-${String(i).padStart(2, "0")}`;
    add(
      { type: "customer_updated", customerId, traits: { country: i % 2 === 0 ? "DK" : "SE" } },
      from - 100 * HOUR,
    );
    const clicky = random.next() < 0.4;
    for (let s = 0; s < sends; s++) {
      const ts = from + random.int(28 * 24) * HOUR;
      const channel = (["email", "sms", "push"] as const)[random.int(3)];
      const messageId = `hm-${random.int(50)}`;
      add({ type: "message_sent", customerId, channel, messageId, campaignId: `hc-${random.int(4)}` }, ts);
      if (clicky && random.next() < 0.3)
        add({ type: "message_clicked", customerId, channel, messageId }, ts + HOUR);
    }
    if (random.next() < 0.5)
      add({ type: "unsubscribed", customerId, channel: "email" }, from + random.int(28 * 24) * HOUR);
    if (random.next() < 0.2) add({ type: "complained", customerId }, from + random.int(28 * 24) * HOUR);
  });
  return events;
}

describe.each([1, 2, 3, 4, 5])("frequency metrics equal the reference on random dataset %i", (seed) => {
  let loaded: { workspaceId: number; events: RefEvent[] };
  beforeAll(async () => {
    loaded = await loadDataset(db.current.prisma, [...randomDataset(seed), ...heavyCustomers(seed)]);
  });

  test.each(CASES)("$name", async (c) => {
    const prisma = db.current.prisma;
    const { workspaceId, events } = loaded;
    const params: MetricParams = {
      workspaceId,
      from: new Date(c.from),
      to: new Date(c.to),
      channel: c.channel,
      timeZone: c.timeZone,
      frequencyCap: c.frequencyCap,
      segment: c.danish ? { field: "trait", key: "country", op: "eq", value: "DK" } : undefined,
    };
    const query: RefQuery = {
      from: Date.parse(c.from),
      to: Date.parse(c.to),
      channel: c.channel,
      timeZone: c.timeZone,
      frequencyCap: c.frequencyCap,
      customers: c.danish ? danishCustomers(events) : undefined,
    };
    const keys = new Map(
      (await prisma.event.findMany({ where: { workspaceId }, select: { id: true, eventKey: true } })).map(
        (e) => [String(e.id), e.eventKey],
      ),
    );

    expectClose(await getFrequencyDistribution(prisma, params), refFrequencyDistribution(events, query));
    expectClose(await getSaturationCurve(prisma, params), refSaturationCurve(events, query));
    expectClose(await getOverContacted(prisma, params), refOverContacted(events, query));
    expectClose(await getSilentCustomers(prisma, params), refSilentCustomers(events, query));
    expectClose(await getContactsAfterOptOut(prisma, params), refContactsAfterOptOut(events, query));
    expectClose(await getContactPressureHeatmap(prisma, params), refContactPressureHeatmap(events, query));
    for (const page of [
      { limit: 500, offset: 0 },
      { limit: 3, offset: 2 },
    ]) {
      const list = await listContactsAfterOptOut(prisma, { ...params, ...page });
      const withKeys = {
        ...list,
        rows: list.rows.map((row) => ({ ...row, eventId: keys.get(row.eventId) })),
      };
      expectClose(withKeys, refListContactsAfterOptOut(events, query, page));
      expectClose(
        await listSilentCustomers(prisma, { ...params, ...page }),
        refListSilentCustomers(events, query, page),
      );
    }
  });
});
