import { describe, expect, test } from "vitest";

import { previousWindow, resolveWindow, zonedDate, zonedMidnight } from "@/lib/date-window";

// Europe/Copenhagen is UTC+1 (CET) in winter and UTC+2 (CEST) from 2026-03-29 to 2026-10-25,
// so a local midnight is 23:00 or 22:00 UTC of the day before.
const CPH = { timeZone: "Europe/Copenhagen" };
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

const elapsed = (window: { from: Date; to: Date }) => window.to.getTime() - window.from.getTime();

describe("resolveWindow with explicit dates", () => {
  test("runs from local midnight of the first day to local midnight after the last (half-open)", () => {
    const window = resolveWindow(
      { range: "7d", from: "2026-03-02", to: "2026-03-15" },
      { ...CPH, anchorDate: "2026-06-30" },
    );
    // Mon 2 March 00:00 CET = 1 March 23:00 UTC; the day after 15 March starts 15 March 23:00 UTC.
    expect(window).toEqual({
      from: new Date("2026-03-01T23:00:00Z"),
      to: new Date("2026-03-15T23:00:00Z"),
      fromDate: "2026-03-02",
      toDate: "2026-03-15",
      days: 14,
      weeks: 2,
      preset: null, // explicit dates win over the range and ignore the anchor
    });
  });

  test("uses summer time midnights in summer", () => {
    const window = resolveWindow(
      { range: null, from: "2026-06-01", to: "2026-06-30" },
      { ...CPH, anchorDate: "2026-06-30" },
    );
    expect(window.from).toEqual(new Date("2026-05-31T22:00:00Z"));
    expect(window.to).toEqual(new Date("2026-06-30T22:00:00Z"));
    expect(window.days).toBe(30);
    expect(window.weeks).toBeCloseTo(30 / 7, 12);
  });

  test("a single day is one day long", () => {
    const window = resolveWindow(
      { range: null, from: "2026-03-02", to: "2026-03-02" },
      { ...CPH, anchorDate: "2026-03-02" },
    );
    expect(window.days).toBe(1);
    expect(elapsed(window)).toBe(DAY_MS);
  });

  test("falls back to the preset ending at the anchor when from is after to", () => {
    const window = resolveWindow(
      { range: "7d", from: "2026-03-10", to: "2026-03-01" },
      { ...CPH, anchorDate: "2026-03-15" },
    );
    expect(window).toMatchObject({ preset: "7d", fromDate: "2026-03-09", toDate: "2026-03-15", days: 7 });
  });

  test("falls back to the preset when only one of the dates is given", () => {
    const window = resolveWindow(
      { range: null, from: "2026-03-10", to: null },
      { ...CPH, anchorDate: "2026-03-15" },
    );
    expect(window).toMatchObject({ preset: "28d", fromDate: "2026-02-16", toDate: "2026-03-15", days: 28 });
  });
});

describe("resolveWindow with a preset", () => {
  test("28d is 28 calendar days ending with (and including) the anchor date", () => {
    // 1–28 February 2026, all in CET.
    const window = resolveWindow(
      { range: "28d", from: null, to: null },
      { ...CPH, anchorDate: "2026-02-28" },
    );
    expect(window).toEqual({
      from: new Date("2026-01-31T23:00:00Z"),
      to: new Date("2026-02-28T23:00:00Z"),
      fromDate: "2026-02-01",
      toDate: "2026-02-28",
      days: 28,
      weeks: 4,
      preset: "28d",
    });
  });

  test("no range means 28d", () => {
    const window = resolveWindow({ range: null, from: null, to: null }, { ...CPH, anchorDate: "2026-02-28" });
    expect(window).toMatchObject({ preset: "28d", fromDate: "2026-02-01", toDate: "2026-02-28" });
  });

  test("7d counts back across a month end", () => {
    // 26, 27, 28 February + 1, 2, 3, 4 March = 7 days.
    const window = resolveWindow({ range: "7d", from: null, to: null }, { ...CPH, anchorDate: "2026-03-04" });
    expect(window).toMatchObject({ fromDate: "2026-02-26", toDate: "2026-03-04", days: 7, weeks: 1 });
  });

  test("across the October 2026 DST change: 28 calendar days but 28 days + 1 hour of time", () => {
    // 11 October (CEST, midnight = 22:00 UTC) to 7 November (CET, next midnight = 23:00 UTC);
    // clocks go back on 25 October, so that day has 25 hours.
    const window = resolveWindow(
      { range: "28d", from: null, to: null },
      { ...CPH, anchorDate: "2026-11-07" },
    );
    expect(window).toMatchObject({ fromDate: "2026-10-11", toDate: "2026-11-07", days: 28 });
    expect(window.from).toEqual(new Date("2026-10-10T22:00:00Z"));
    expect(window.to).toEqual(new Date("2026-11-07T23:00:00Z"));
    expect(elapsed(window)).toBe(28 * DAY_MS + HOUR_MS);
    // weeks is elapsed time / 7 days: (28 × 24 + 1) / (7 × 24) = 673 / 168.
    expect(window.weeks).toBeCloseTo(673 / 168, 12);
  });

  test("across the March 2026 DST change: 90 calendar days but 90 days − 1 hour of time", () => {
    // 1 January – 31 March 2026 (31 + 28 + 31 = 90 days); clocks go forward on 29 March.
    const window = resolveWindow(
      { range: "90d", from: null, to: null },
      { ...CPH, anchorDate: "2026-03-31" },
    );
    expect(window).toMatchObject({ fromDate: "2026-01-01", toDate: "2026-03-31", days: 90 });
    expect(window.from).toEqual(new Date("2025-12-31T23:00:00Z"));
    expect(window.to).toEqual(new Date("2026-03-31T22:00:00Z"));
    expect(elapsed(window)).toBe(90 * DAY_MS - HOUR_MS);
  });
});

describe("previousWindow", () => {
  test("is the same number of calendar days, ending the day before the window starts", () => {
    const current = resolveWindow(
      { range: null, from: "2026-03-02", to: "2026-03-15" },
      { ...CPH, anchorDate: "2026-03-15" },
    );
    const previous = previousWindow(current, CPH.timeZone);
    // 16 February – 1 March: 13 days of February + 1 March = 14 days.
    expect(previous).toEqual({
      from: new Date("2026-02-15T23:00:00Z"),
      to: new Date("2026-03-01T23:00:00Z"),
      fromDate: "2026-02-16",
      toDate: "2026-03-01",
      days: 14,
      weeks: 2,
      preset: null,
    });
    expect(previous.to).toEqual(current.from);
  });

  test("counts calendar days, not elapsed time, when the previous window spans a DST change", () => {
    // Current: 1–28 November (all CET, exactly 28 × 24 h). Previous: 4–31 October, which holds
    // the 25-hour 25 October, so it lasts 28 days + 1 hour and still ends where November starts.
    const current = resolveWindow(
      { range: null, from: "2026-11-01", to: "2026-11-28" },
      { ...CPH, anchorDate: "2026-11-28" },
    );
    expect(elapsed(current)).toBe(28 * DAY_MS);
    const previous = previousWindow(current, CPH.timeZone);
    expect(previous).toMatchObject({ fromDate: "2026-10-04", toDate: "2026-10-31", days: 28 });
    expect(previous.from).toEqual(new Date("2026-10-03T22:00:00Z"));
    expect(previous.to).toEqual(current.from);
    expect(elapsed(previous)).toBe(28 * DAY_MS + HOUR_MS);
  });
});

describe("zonedMidnight / zonedDate", () => {
  test.each([
    ["2026-03-02", "Europe/Copenhagen", "2026-03-01T23:00:00Z"], // CET, UTC+1
    ["2026-03-29", "Europe/Copenhagen", "2026-03-28T23:00:00Z"], // clocks go forward at 02:00, midnight still CET
    ["2026-10-25", "Europe/Copenhagen", "2026-10-24T22:00:00Z"], // clocks go back at 03:00, midnight still CEST
    ["2026-03-02", "UTC", "2026-03-02T00:00:00Z"],
    ["2026-03-02", "Pacific/Chatham", "2026-03-01T10:15:00Z"], // summer time, UTC+13:45
    ["2026-03-02", "America/New_York", "2026-03-02T05:00:00Z"], // EST, UTC−5
    // Chile starts summer time at 00:00 (-04) → 01:00 (-03): the day begins at 01:00 local.
    ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00Z"],
  ])("%s in %s begins at %s and maps back to the same date", (date, timeZone, instant) => {
    const midnight = zonedMidnight(date, timeZone);
    expect(midnight).toEqual(new Date(instant));
    expect(zonedDate(midnight, timeZone)).toBe(date);
    expect(zonedDate(new Date(midnight.getTime() - 1), timeZone)).not.toBe(date);
  });

  test("zonedDate puts an instant on the calendar date of the time zone, not of UTC", () => {
    expect(zonedDate(new Date("2026-03-01T22:59:59.999Z"), "Europe/Copenhagen")).toBe("2026-03-01");
    expect(zonedDate(new Date("2026-03-01T23:00:00.000Z"), "Europe/Copenhagen")).toBe("2026-03-02");
    expect(zonedDate(new Date("2026-03-01T23:00:00.000Z"), "UTC")).toBe("2026-03-01");
  });

  test("the midnight of an instant's zoned date is at or before it, and less than a day before", () => {
    const instant = new Date("2026-10-25T12:34:56Z"); // the 25-hour day in Copenhagen
    const midnight = zonedMidnight(zonedDate(instant, "Europe/Copenhagen"), "Europe/Copenhagen");
    expect(midnight).toEqual(new Date("2026-10-24T22:00:00Z"));
    expect(instant.getTime() - midnight.getTime()).toBeLessThan(DAY_MS);
  });
});
