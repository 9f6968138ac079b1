import { describe, expect, test } from "vitest";

import { getCohorts } from "@/lib/server/metrics/loyalty/get-cohorts";

import { createWorkspaceWith } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";

import { purchase } from "./fixture-time";

const db = setupTestDatabase();

// Copenhagen: CEST (UTC+2) from 2026-03-29 to 2026-10-25, CET (UTC+1) otherwise.
const events = [
  purchase("k1", "2026-03-31T22:30:00.000Z"), // 00:30 on April 1 locally: cohort April
  purchase("k1", "2026-10-31T23:30:00.000Z"), // 00:30 on November 1 locally: April + 7
  purchase("k2", "2026-03-31T22:00:00.000Z"), // the very first instant of April locally
  purchase("k2", "2026-05-10T10:00:00.000Z"), // April + 1
  purchase("k2", "2026-11-20T10:00:00.000Z"), // after `to`: not counted
  purchase("k3", "2026-03-31T21:59:59.999Z"), // 23:59:59.999 on March 31 locally: cohort March
  purchase("k3", "2026-04-15T10:00:00.000Z"), // March + 1
  purchase("k4", "2026-02-15T10:00:00.000Z"), // first purchase in February: no cohort row
  purchase("k4", "2026-04-10T10:00:00.000Z"), //   so not in April's cohort either
  purchase("k5", "2026-11-20T10:00:00.000Z"), // only after `to`: no cohort
];
const TO = new Date("2026-11-15T12:00:00.000Z");

describe("getCohorts", () => {
  test("cohorts follow local calendar months across both daylight-saving changes", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const table = await getCohorts(db.current.prisma, {
      workspaceId,
      from: new Date("2026-02-28T23:00:00.000Z"), // March 1, 00:00 local
      to: TO,
      timeZone: "Europe/Copenhagen",
    });
    // months beginning in [from, to): March … November
    expect(table.cohorts.map((c) => [c.month, c.start, c.size])).toEqual([
      ["2026-03", "2026-02-28T23:00:00.000Z", 1],
      ["2026-04", "2026-03-31T22:00:00.000Z", 2],
      ["2026-05", "2026-04-30T22:00:00.000Z", 0],
      ["2026-06", "2026-05-31T22:00:00.000Z", 0],
      ["2026-07", "2026-06-30T22:00:00.000Z", 0],
      ["2026-08", "2026-07-31T22:00:00.000Z", 0],
      ["2026-09", "2026-08-31T22:00:00.000Z", 0],
      ["2026-10", "2026-09-30T22:00:00.000Z", 0],
      ["2026-11", "2026-10-31T23:00:00.000Z", 0],
    ]);
    const april = table.cohorts[1].retention;
    // May: k2 → 1 of 2; June–October: nobody; November (holds `to`): k1, partial; December on: not reported
    expect(april.map((r) => r.retained)).toEqual([1, 0, 0, 0, 0, 0, 1, null, null, null, null, null]);
    expect(april[0]).toEqual({ offset: 1, month: "2026-05", retained: 1, retention: 0.5, partial: false });
    expect(april[6]).toEqual({ offset: 7, month: "2026-11", retained: 1, retention: 0.5, partial: true });
    expect(april[7]).toEqual({
      offset: 8,
      month: "2026-12",
      retained: null,
      retention: null,
      partial: false,
    });
    const march = table.cohorts[0].retention;
    expect(march[0]).toMatchObject({ month: "2026-04", retained: 1, retention: 1 });
    expect(march.map((r) => r.partial)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      ...Array(4).fill(false),
    ]);
    // an empty cohort has no rates; its months after November are not reported
    expect(table.cohorts[8].retention[0]).toEqual({
      offset: 1,
      month: "2026-12",
      retained: null,
      retention: null,
      partial: false,
    });
    expect(table.cohorts[7].retention[0]).toEqual({
      offset: 1,
      month: "2026-11",
      retained: 0,
      retention: null,
      partial: true,
    });
  });

  test("in UTC the same purchases fall in March", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const table = await getCohorts(db.current.prisma, {
      workspaceId,
      from: new Date("2026-03-01T00:00:00.000Z"),
      to: TO,
    });
    expect(table.timeZone).toBe("UTC");
    // k1, k2 and k3 all first bought in March (UTC); April: k3 → 1 of 3 (k1's second is October 31 UTC)
    expect([table.cohorts[0].month, table.cohorts[0].size]).toEqual(["2026-03", 3]);
    expect(table.cohorts[0].retention.slice(0, 8).map((r) => r.retained)).toEqual([1, 1, 0, 0, 0, 0, 1, 0]);
  });

  test("a window ending at a month's first instant reports that month as not begun, the one before as complete", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const table = await getCohorts(db.current.prisma, {
      workspaceId,
      from: new Date("2026-02-28T23:00:00.000Z"),
      to: new Date("2026-04-30T22:00:00.000Z"), // May 1, 00:00 local
      timeZone: "Europe/Copenhagen",
    });
    expect(table.cohorts.map((c) => c.month)).toEqual(["2026-03", "2026-04"]);
    expect(table.cohorts[0].retention.slice(0, 2)).toEqual([
      { offset: 1, month: "2026-04", retained: 1, retention: 1, partial: false },
      { offset: 2, month: "2026-05", retained: null, retention: null, partial: false },
    ]);
  });
});
