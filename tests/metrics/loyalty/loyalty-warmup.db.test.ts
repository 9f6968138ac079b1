import { describe, expect, test } from "vitest";

import { shiftCalendarDate, zonedDate, zonedMidnight } from "@/lib/date-window";
import { scheduleLoyaltyWarmup, warmLoyaltyPage } from "@/lib/server/dashboard/loyalty-warmup";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";
import { trendMonths } from "@/lib/server/metrics/loyalty/get-loyalty-trend";

import { createWorkspace } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";
import { randomDataset } from "../random-dataset";

/*
 * After a change that deletes stored loyalty counts, the server recomputes the Loyalty page as
 * it first opens once the data has settled, so the first visitor finds the trend's month ends
 * stored instead of waiting for all twelve to be computed.
 */

const db = setupTestDatabase();
const prisma = () => db.current.prisma;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function storedEnds(workspaceId: number): Promise<string[]> {
  const rows = await prisma().storedLoyaltyCounts.findMany({
    where: { workspaceId },
    orderBy: { end: "asc" },
  });
  return rows.map((row) => row.end.toISOString());
}

/**
 * What the page as it first opens keeps, worked out independently: its year ends with the day
 * of the latest activity (random data: in April 2026), in the workspace's time zone; the trend
 * keeps its eleven month starts before that, the summary the start of its year (the previous
 * year's end).
 */
async function expectedEnds(workspaceId: number): Promise<string[]> {
  const workspace = await prisma().workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const latest = await prisma().customer.aggregate({ where: { workspaceId }, _max: { lastSeenAt: true } });
  const lastDay = zonedDate(latest._max.lastSeenAt!, workspace.timeZone);
  const to = zonedMidnight(shiftCalendarDate(lastDay, 1), workspace.timeZone);
  const from = zonedMidnight(shiftCalendarDate(lastDay, -364), workspace.timeZone);
  const months = trendMonths(to, workspace.timeZone)
    .slice(0, -1)
    .map((month) => month.end.toISOString());
  return [...new Set([from.toISOString(), ...months])].sort();
}

describe("warmLoyaltyPage", () => {
  test("waits for the data to settle, computes what a change deleted, then finds it stored", async () => {
    const { workspaceId } = await loadDataset(prisma(), randomDataset(23));
    await recordDataChange(prisma(), workspaceId); // everything stored is gone; changed just now
    expect(await storedEnds(workspaceId)).toEqual([]);

    expect(await warmLoyaltyPage(prisma(), workspaceId, { quietMs: 60_000 })).toBe("changing");
    expect(await storedEnds(workspaceId)).toEqual([]);

    expect(await warmLoyaltyPage(prisma(), workspaceId, { quietMs: 0 })).toBe("computed");
    const ends = await expectedEnds(workspaceId);
    expect(ends).toHaveLength(12);
    expect(await storedEnds(workspaceId)).toEqual(ends);
    expect(await warmLoyaltyPage(prisma(), workspaceId, { quietMs: 0 })).toBe("stored");

    // A change to March's data deletes the ends after it; the next warm-up puts them back.
    await recordDataChange(prisma(), workspaceId, new Date("2026-03-10T00:00:00Z"));
    const kept = ends.filter((end) => end <= "2026-03-10T00:00:00.000Z");
    expect(await storedEnds(workspaceId)).toEqual(kept);
    expect(kept.length).toBeLessThan(ends.length);
    expect(await warmLoyaltyPage(prisma(), workspaceId, { quietMs: 0 })).toBe("computed");
    expect(await storedEnds(workspaceId)).toEqual(ends);
  });

  test("a workspace without events has nothing to compute", async () => {
    const workspaceId = await createWorkspace(prisma());
    expect(await warmLoyaltyPage(prisma(), workspaceId, { quietMs: 0 })).toBe("no data");
    expect(await storedEnds(workspaceId)).toEqual([]);
  });

  test("scheduled after a change, it runs in the background once the data is quiet", async () => {
    const { workspaceId } = await loadDataset(prisma(), randomDataset(24));
    await recordDataChange(prisma(), workspaceId);
    scheduleLoyaltyWarmup(async () => prisma(), workspaceId, 200);
    const ends = await expectedEnds(workspaceId);
    for (
      let waited = 0;
      waited < 20_000 && (await storedEnds(workspaceId)).length < ends.length;
      waited += 100
    )
      await pause(100);
    expect(await storedEnds(workspaceId)).toEqual(ends);
  });
});
