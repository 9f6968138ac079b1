import { describe, expect, test } from "vitest";

import { retentionCutoff, retentionCutoffDate } from "@/lib/retention/cutoff";

describe("retentionCutoff", () => {
  test("is midnight at the start of the day N calendar months before today, in UTC", () => {
    // 15 June 2026, 3 months → 15 March 2026 00:00.
    expect(retentionCutoff(new Date("2026-06-15T12:00:00Z"), 3, "UTC")).toEqual(
      new Date("2026-03-15T00:00:00Z"),
    );
  });

  test("a day the earlier month lacks becomes its last day: 1 month before 31 March is 28 February", () => {
    expect(retentionCutoffDate(new Date("2026-03-31T12:00:00Z"), 1, "UTC")).toBe("2026-02-28");
    // …and 29 February in a leap year.
    expect(retentionCutoffDate(new Date("2028-03-31T12:00:00Z"), 1, "UTC")).toBe("2028-02-29");
    // 3 months before 31 May is 28 February; 1 month before 31 July is 30 June.
    expect(retentionCutoffDate(new Date("2026-05-31T12:00:00Z"), 3, "UTC")).toBe("2026-02-28");
    expect(retentionCutoffDate(new Date("2026-07-31T12:00:00Z"), 1, "UTC")).toBe("2026-06-30");
  });

  test("counts from today's date in the workspace's time zone, not in UTC", () => {
    // 31 March 22:30 UTC is already 1 April 00:30 in Copenhagen (CEST, UTC+2): 1 month before
    // is 1 March, whose midnight (CET, UTC+1) is 28 February 23:00 UTC. In UTC it would be
    // 28 February 00:00.
    const now = new Date("2026-03-31T22:30:00Z");
    expect(retentionCutoffDate(now, 1, "Europe/Copenhagen")).toBe("2026-03-01");
    expect(retentionCutoff(now, 1, "Europe/Copenhagen")).toEqual(new Date("2026-02-28T23:00:00Z"));
    expect(retentionCutoff(now, 1, "UTC")).toEqual(new Date("2026-02-28T00:00:00Z"));
  });

  test("takes the offset in force on the cutoff day, not today's", () => {
    // 29 April (CEST) → 29 March, the day clocks go forward at 02:00: its midnight is still CET,
    // 28 March 23:00 UTC.
    expect(retentionCutoff(new Date("2026-04-29T10:00:00Z"), 1, "Europe/Copenhagen")).toEqual(
      new Date("2026-03-28T23:00:00Z"),
    );
    // East of UTC by 12 h: 15 June 13:00 UTC is 16 June 01:00 in Auckland (NZST), so the
    // cutoff is 16 May 00:00 NZST = 15 May 12:00 UTC.
    expect(retentionCutoff(new Date("2026-06-15T13:00:00Z"), 1, "Pacific/Auckland")).toEqual(
      new Date("2026-05-15T12:00:00Z"),
    );
  });

  test("12 and 120 months go back whole years", () => {
    expect(retentionCutoffDate(new Date("2026-02-28T12:00:00Z"), 12, "UTC")).toBe("2025-02-28");
    expect(retentionCutoffDate(new Date("2028-02-29T12:00:00Z"), 12, "UTC")).toBe("2027-02-28");
    expect(retentionCutoffDate(new Date("2026-12-02T12:00:00Z"), 120, "UTC")).toBe("2016-12-02");
  });
});
