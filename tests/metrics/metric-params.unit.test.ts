import { describe, expect, test } from "vitest";

import { assertMetricParams, previousWindow } from "@/lib/server/metrics/common/metric-params";

describe("previousWindow", () => {
  test("is the same length of time, ending where the window starts", () => {
    const window = { from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-30T00:00:00Z") };
    expect(previousWindow(window)).toEqual({
      from: new Date("2026-02-02T00:00:00Z"),
      to: new Date("2026-03-02T00:00:00Z"),
    });
  });

  test("keeps odd lengths exactly, to the millisecond", () => {
    const window = { from: new Date("2026-03-02T00:00:00.000Z"), to: new Date("2026-03-02T10:30:00.007Z") };
    expect(previousWindow(window).from).toEqual(new Date("2026-03-01T13:29:59.993Z"));
  });
});

describe("assertMetricParams", () => {
  const from = new Date("2026-03-02T00:00:00Z");

  test("accepts a window where from is before to", () => {
    expect(() =>
      assertMetricParams({ workspaceId: 1, from, to: new Date("2026-03-03T00:00:00Z") }),
    ).not.toThrow();
  });

  test.each([
    ["an empty window", { workspaceId: 1, from, to: from }],
    ["an inverted window", { workspaceId: 1, from, to: new Date("2026-03-01T00:00:00Z") }],
    ["an invalid date", { workspaceId: 1, from, to: new Date("nope") }],
    ["a fractional workspace id", { workspaceId: 1.5, from, to: new Date("2026-03-03T00:00:00Z") }],
  ])("rejects %s", (_, params) => {
    expect(() => assertMetricParams(params)).toThrow(RangeError);
  });
});
