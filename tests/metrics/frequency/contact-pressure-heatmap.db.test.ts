import { describe, expect, test } from "vitest";

import { getContactPressureHeatmap } from "@/lib/server/metrics/frequency/get-contact-pressure-heatmap";

import { createWorkspaceWith, type FixtureEvent, sent } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";

const db = setupTestDatabase();

const at = (day: string, n: number, customer: string): FixtureEvent[] =>
  Array.from({ length: n }, (_, i) =>
    sent(customer, `2026-03-${day}T${String(10 + i).padStart(2, "0")}:00:00Z`),
  );

// Window [Wed 03-04, Wed 03-18) UTC: W10 holds 5 of its 7 days, W11 all, W12 2 days.
const FROM = "2026-03-04T00:00:00.000Z";
const TO = "2026-03-18T00:00:00.000Z";
const events = [
  ...at("05", 5, "h1"), // W10: 5 / (5/7) = 7.0 → (5,7]
  ...at("10", 1, "h1"), // W11: 1 → (0,1]
  ...at("06", 1, "h2"), // W10: 1 / (5/7) = 1.4 → (1,2]
  ...at("17", 2, "h2"), // W12: 2 / (2/7) = 7.0 → (5,7]
  ...at("12", 3, "h3"), // W11: 3 → (2,3]
  sent("h3", TO), //       at `to`: outside
  sent("h3", "2026-03-03T10:00:00Z"), // before `from`: outside
];

const counts = (week: { buckets: { customers: number }[] }) => week.buckets.map((b) => b.customers);

describe("getContactPressureHeatmap", () => {
  test("ISO weeks in UTC; a partial week's contacts are divided by the part of it in the window", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const result = await getContactPressureHeatmap(db.current.prisma, reportWindow(workspaceId, FROM, TO));
    expect(result.timeZone).toBe("UTC");
    expect(result.weeks.map((w) => [w.isoWeek, w.weekStart, w.from, w.to, w.contactedCustomers])).toEqual([
      ["2026-W10", "2026-03-02T00:00:00.000Z", FROM, "2026-03-09T00:00:00.000Z", 2],
      ["2026-W11", "2026-03-09T00:00:00.000Z", "2026-03-09T00:00:00.000Z", "2026-03-16T00:00:00.000Z", 2],
      ["2026-W12", "2026-03-16T00:00:00.000Z", "2026-03-16T00:00:00.000Z", TO, 1],
    ]);
    expect(result.weeks.map((w) => w.fraction)).toEqual([5 / 7, 1, 2 / 7]);
    expect(result.weeks.map(counts)).toEqual([
      [0, 1, 0, 0, 1, 0],
      [1, 0, 1, 0, 0, 0],
      [0, 0, 0, 0, 1, 0],
    ]);
    expect(result.weeks[0].buckets[1].share).toBe(0.5);
  });

  test("weeks start on Monday midnight in the time zone; a 167-hour week across DST is a whole week", async () => {
    // Copenhagen: Monday 03-23 00:00 is 03-22 23:00Z; summer time from 03-29, so W14 starts 03-29 22:00Z.
    const workspaceId = await createWorkspaceWith(db.current.prisma, [
      sent("c1", "2026-03-22T23:30:00Z"), // Monday 00:30 local: W13
      sent("c1", "2026-03-29T21:30:00Z"), // Sunday 23:30 local (summer time): still W13
      sent("c1", "2026-03-29T22:00:00Z"), // Monday 00:00 local: W14
    ]);
    const result = await getContactPressureHeatmap(db.current.prisma, {
      ...reportWindow(workspaceId, "2026-03-22T23:00:00.000Z", "2026-04-05T22:00:00.000Z"),
      timeZone: "Europe/Copenhagen",
    });
    expect(result.weeks.map((w) => [w.isoWeek, w.weekStart, w.fraction, w.contactedCustomers])).toEqual([
      ["2026-W13", "2026-03-22T23:00:00.000Z", 1, 1],
      ["2026-W14", "2026-03-29T22:00:00.000Z", 1, 1],
    ]);
    expect(result.weeks.map(counts)).toEqual([
      [0, 1, 0, 0, 0, 0], // 2 in a whole (167 h) week → (1,2]
      [1, 0, 0, 0, 0, 0],
    ]);
  });

  test("the channel filter restricts the contacts", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const result = await getContactPressureHeatmap(db.current.prisma, {
      ...reportWindow(workspaceId, FROM, TO),
      channel: "sms",
    });
    expect(result.weeks.map((w) => w.contactedCustomers)).toEqual([0, 0, 0]);
  });

  test("rejects an unknown time zone", async () => {
    await expect(
      getContactPressureHeatmap(db.current.prisma, {
        ...reportWindow(1, FROM, TO),
        timeZone: "Mars/Olympus",
      }),
    ).rejects.toThrow(RangeError);
  });
});
