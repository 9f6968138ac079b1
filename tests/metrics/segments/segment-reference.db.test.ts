import { describe, expect, test } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { segmentDefinition } from "@/lib/metrics/segment";
import { segmentCustomers } from "@/lib/server/metrics/common/customer-filter";
import { Random } from "@/prisma/seed/generator/prng";

import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";
import { RANDOM_WINDOW, randomDataset } from "../random-dataset";
import { isContact, type RefEvent, WEEK } from "../reference/events";
import { referenceSegment } from "../reference/segment";

import { randomSegment } from "./random-segments";

const db = setupTestDatabase();

/** Contacts per week of the customer with the most contacts in the window (some customer hits it exactly). */
function exactCap(events: readonly RefEvent[], from: number, to: number): number {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (isContact(e) && e.ts >= from && e.ts < to)
      counts.set(e.customerId, (counts.get(e.customerId) ?? 0) + 1);
  }
  return Math.max(1, ...counts.values()) / ((to - from) / WEEK);
}

describe("segments: the SQL compiler against the reference on random data", () => {
  test.each([1, 2, 3])("seed %i: 60 random filters select the same customers", async (seed) => {
    const { workspaceId, events } = await loadDataset(db.current.prisma, randomDataset(seed));
    const random = new Random(seed * 7919);
    const windows = [RANDOM_WINDOW, { from: "2026-02-01T00:00:00.000Z", to: "2026-02-11T12:00:00.000Z" }];
    let informative = 0;
    for (let i = 0; i < 60; i++) {
      const segment = segmentDefinition.parse(randomSegment(random));
      const window = windows[i % windows.length];
      const from = new Date(window.from);
      const to = new Date(window.to);
      // Half of the time a cap that some customer's contacts per week equal exactly ("exceed" is strict).
      const frequencyCap = i % 2 === 0 ? 3 : exactCap(events, from.getTime(), to.getTime());
      const rows = await db.current.prisma.$queryRaw<{ id: string }[]>(
        Prisma.sql`${segmentCustomers({ workspaceId, from, to, frequencyCap }, segment)} ORDER BY 1`,
      );
      const expected = referenceSegment(events, segment, {
        from: from.getTime(),
        to: to.getTime(),
        frequencyCap,
      });
      expect(
        rows.map((row) => row.id),
        JSON.stringify(segment),
      ).toEqual([...expected].sort());
      if (expected.size > 0 && expected.size < new Set(events.map((e) => e.customerId)).size)
        informative += 1;
    }
    // Most filters split the customers: the comparison is not between empty or full sets.
    expect(informative).toBeGreaterThan(30);
  });
});
