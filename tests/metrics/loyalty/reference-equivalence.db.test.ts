import { describe, test } from "vitest";

import type { SegmentFilter } from "@/lib/metrics/segment";
import type { MetricParams } from "@/lib/server/metrics/common/metric-params";
import { getCohorts } from "@/lib/server/metrics/loyalty/get-cohorts";
import { getLoyaltyByPressure } from "@/lib/server/metrics/loyalty/get-loyalty-by-pressure";
import { getLoyaltySummary } from "@/lib/server/metrics/loyalty/get-loyalty-summary";
import { getLoyaltyTrend } from "@/lib/server/metrics/loyalty/get-loyalty-trend";

import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";
import { randomDataset, RANDOM_WINDOW } from "../random-dataset";
import type { RefEvent, RefQuery } from "../reference/events";
import {
  referenceCohorts,
  referenceLoyaltyByPressure,
  referenceLoyaltySummary,
  referenceLoyaltyTrend,
} from "../reference/loyalty";
import { danishCustomers, expectClose } from "../reference-check";

const db = setupTestDatabase();

const DK: SegmentFilter = { field: "trait", key: "country", op: "eq", value: "DK" };

interface Variant {
  name: string;
  from: string;
  to: string;
  channel?: "email" | "sms";
  segment?: boolean;
  timeZone?: string;
  frequencyCap?: number;
}

const VARIANTS: Variant[] = [
  { name: "random window", ...RANDOM_WINDOW },
  {
    name: "365 days, Copenhagen",
    from: "2025-04-20T22:00:00.000Z",
    to: "2026-04-20T22:00:00.000Z",
    timeZone: "Europe/Copenhagen",
  },
  {
    name: "60 days, email only, cap 1",
    from: "2026-02-10T00:00:00.000Z",
    to: "2026-04-11T00:00:00.000Z",
    channel: "email",
    frequencyCap: 1,
  },
  { name: "random window, segment DK", ...RANDOM_WINDOW, segment: true, timeZone: "America/New_York" },
];

describe.each([1, 2, 3, 4, 5])("loyalty: SQL equals the reference on random dataset %i", (seed) => {
  let data: { workspaceId: number; events: RefEvent[] };
  const load = async () => (data ??= await loadDataset(db.current.prisma, randomDataset(seed)));

  test.each(VARIANTS)("$name", async (variant) => {
    const { workspaceId, events } = await load();
    const params: MetricParams = {
      workspaceId,
      from: new Date(variant.from),
      to: new Date(variant.to),
      channel: variant.channel,
      segment: variant.segment ? DK : undefined,
      timeZone: variant.timeZone,
      frequencyCap: variant.frequencyCap,
    };
    const query: RefQuery = {
      from: Date.parse(variant.from),
      to: Date.parse(variant.to),
      channel: variant.channel,
      customers: variant.segment ? danishCustomers(events) : null,
      timeZone: variant.timeZone,
      frequencyCap: variant.frequencyCap,
    };
    const prisma = db.current.prisma;
    expectClose(await getLoyaltySummary(prisma, params), referenceLoyaltySummary(events, query), "summary");
    expectClose(await getCohorts(prisma, params), referenceCohorts(events, query), "cohorts");
    expectClose(await getLoyaltyTrend(prisma, params), referenceLoyaltyTrend(events, query), "trend");
    expectClose(
      await getLoyaltyByPressure(prisma, params),
      referenceLoyaltyByPressure(events, query),
      "pressure",
    );
  });
});
