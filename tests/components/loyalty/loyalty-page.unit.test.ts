import { describe, expect, test } from "vitest";

import { componentCounts } from "@/components/loyalty/component-counts";
import { loyaltyVerdict, weakestComponent } from "@/components/loyalty/loyalty-verdict";
import { loyaltyWindow } from "@/components/loyalty/loyalty-window";
import { riskFigures } from "@/components/loyalty/repeat-risk-figures";
import { trendTicks } from "@/components/loyalty/trend-ticks";
import { resolveWindow } from "@/lib/date-window";
import { type LoyaltyFigures, loyaltyIndex, type LoyaltySummary } from "@/lib/metrics/loyalty";

const CPH = "Europe/Copenhagen";

describe("loyaltyWindow", () => {
  test("turns any preset into the 365 days ending on its last day", () => {
    for (const range of ["7d", "28d", "90d", "365d"] as const) {
      const chosen = resolveWindow(
        { range, from: null, to: null },
        { timeZone: CPH, anchorDate: "2026-10-31" },
      );
      const window = loyaltyWindow(chosen, CPH);
      expect(window.fromDate).toBe("2025-11-01"); // 31 Oct 2026 − 364 days
      expect(window.toDate).toBe("2026-10-31");
      expect(window.days).toBe(365);
      expect(window.to).toEqual(new Date("2026-10-31T23:00:00Z")); // midnight after 31 Oct, CET
    }
  });

  test("keeps dates the user chose, whatever their length", () => {
    const chosen = resolveWindow(
      { range: null, from: "2026-03-01", to: "2026-08-31" },
      { timeZone: CPH, anchorDate: "2026-10-31" },
    );
    expect(loyaltyWindow(chosen, CPH)).toBe(chosen);
  });
});

describe("the index in words", () => {
  test("bands: under 40 weak, 40–54 fair, 55–69 good, 70 and over strong", () => {
    expect([0, 39.99, 40, 54.9, 55, 69.99, 70, 100].map(loyaltyVerdict)).toEqual([
      "weak",
      "weak",
      "fair",
      "fair",
      "good",
      "good",
      "strong",
      "strong",
    ]);
  });

  test("the weakest part is the measured one with the lowest value; a tie goes to the heavier", () => {
    const index = loyaltyIndex({
      repeatPurchaseRate: 0.2,
      notAtRisk: 0.7,
      engagedShare: null,
      notOverContacted: 0.9,
      relevance: 0.2,
    });
    expect(weakestComponent(index)?.id).toBe("repeatPurchaseRate"); // 0.2 twice: weight 0.3 beats 0.15
    const none = loyaltyIndex({
      repeatPurchaseRate: null,
      notAtRisk: null,
      engagedShare: null,
      notOverContacted: null,
      relevance: null,
    });
    expect(weakestComponent(none)).toBeNull();
  });
});

// The demo's figures of 31 Oct 2026 (docs/demo-data.md), trimmed to what the counts use.
const figures = {
  from: "2025-10-31T23:00:00.000Z",
  to: "2026-10-31T23:00:00.000Z",
  purchasers: 10_619,
  repeatPurchasers: 4_649,
  repeatPurchaseRate: 4_649 / 10_619,
  repeatCustomers: 4_649,
  atRiskCustomers: 1_391,
  atRiskShare: 1_391 / 4_649,
  contactedCustomers90d: 14_012,
  engagedCustomers90d: 3_129,
  contactedCustomers28d: 10_666,
  overContactedCustomers: 1_567,
  contacts28d: 68_042,
  scoredContacts28d: 40_797,
} as LoyaltyFigures;

test("each part of the index shows the counts behind it", () => {
  expect(componentCounts(figures, "repeatPurchaseRate")).toEqual({ count: 4_649, total: 10_619 });
  expect(componentCounts(figures, "notAtRisk")).toEqual({ count: 4_649 - 1_391, total: 4_649 });
  expect(componentCounts(figures, "engagedShare")).toEqual({ count: 3_129, total: 14_012 });
  expect(componentCounts(figures, "notOverContacted")).toEqual({ count: 10_666 - 1_567, total: 10_666 });
  expect(componentCounts(figures, "relevance")).toEqual({ count: 40_797, total: 68_042 });
});

test("repeat purchase and at-risk change in percentage points, none without a previous rate", () => {
  const previous = { ...figures, repeatPurchaseRate: 0.4, atRiskShare: null };
  const [repeat, risk] = riskFigures({ current: figures, previous } as LoyaltySummary);
  expect(repeat).toMatchObject({ id: "repeat-purchase-rate", count: 4_649, total: 10_619 });
  expect(repeat.change).toBeCloseTo(100 * (4_649 / 10_619 - 0.4), 12);
  expect(risk).toMatchObject({ id: "at-risk-share", count: 1_391, total: 4_649, change: null });
});

test("the trend's y-axis runs in whole tens around the values, within 0–100", () => {
  expect(trendTicks([41.8, 46.9])).toEqual([30, 40, 50, 60]);
  expect(trendTicks([98])).toEqual([90, 100]);
  expect(trendTicks([0.5])).toEqual([0, 10]);
  expect(trendTicks([])).toEqual([0, 25, 50, 75, 100]);
});
