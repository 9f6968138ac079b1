import { describe, expect, test } from "vitest";

import { dashboardParsers, parseAsCalendarDate } from "@/lib/url-state/dashboard-params";

describe("parseAsCalendarDate", () => {
  test.each(["2024-02-29", "2026-01-05", "2026-12-31"])("accepts the real date %s", (value) => {
    expect(parseAsCalendarDate.parse(value)).toBe(value);
  });

  test.each([
    ["a 30 February", "2026-02-30"],
    ["29 February outside a leap year", "2026-02-29"],
    ["a 13th month", "2026-13-01"],
    ["a day 0", "2026-03-00"],
    ["unpadded month and day", "2026-1-5"],
    ["an empty string", ""],
    ["a date with a time", "2026-01-05T00:00"],
    ["day-month-year", "05-01-2026"],
  ])("rejects %s (%j)", (_, value) => {
    expect(parseAsCalendarDate.parse(value)).toBeNull();
  });

  test("serialises a date as itself", () => {
    expect(parseAsCalendarDate.serialize("2024-02-29")).toBe("2024-02-29");
  });

  test("the dashboard's from and to use it", () => {
    expect(dashboardParsers.from.parse("2026-02-30")).toBeNull();
    expect(dashboardParsers.to.parse("2024-02-29")).toBe("2024-02-29");
  });
});
