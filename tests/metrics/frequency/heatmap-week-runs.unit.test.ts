import { describe, expect, test } from "vitest";

import { splitInTwo } from "@/lib/server/metrics/frequency/get-contact-pressure-heatmap";

const DAY = 86_400_000;

describe("the heatmap's weeks in two runs of about equal span", () => {
  test("a 28-day window from a Sunday: one day and two weeks, then two weeks less a day", () => {
    expect(splitInTwo([1, 7, 7, 7, 6].map((days) => days * DAY))).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  test("twelve whole weeks: six and six", () => {
    expect(splitInTwo(Array(12).fill(7 * DAY))).toEqual([
      [1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
    ]);
  });

  test("two weeks, however unequal, one each", () => {
    expect(splitInTwo([7 * DAY, 1 * DAY])).toEqual([[1], [2]]);
    expect(splitInTwo([1 * DAY, 7 * DAY])).toEqual([[1], [2]]);
  });

  test("a single week is one run", () => {
    expect(splitInTwo([3 * DAY])).toEqual([[1]]);
  });

  test("every week is in exactly one run, in order", () => {
    for (let count = 1; count <= 20; count++) {
      const spans = Array.from({ length: count }, (_, i) => ((i * 7919) % 7) * DAY + DAY);
      const runs = splitInTwo(spans);
      expect(runs.flat()).toEqual(spans.map((_, i) => i + 1));
      expect(runs.every((run) => run.length > 0)).toBe(true);
    }
  });
});
