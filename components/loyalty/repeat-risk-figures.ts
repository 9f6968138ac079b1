import type { LoyaltySummary } from "@/lib/metrics/loyalty";

/** One of the tile's two rates, with the counts behind it and its change in percentage points. */
export interface RiskFigure {
  id: "repeat-purchase-rate" | "at-risk-share";
  /** Message keys of its name and of its one-line explanation. */
  name: "repeatRate" | "atRiskShare";
  line: "repeatRateLine" | "atRiskLine";
  rate: number | null;
  count: number;
  total: number;
  /** current − previous rate in percentage points; null when either is missing. */
  change: number | null;
}

const pointsBetween = (current: number | null, previous: number | null) =>
  current === null || previous === null ? null : 100 * (current - previous);

/** Repeat purchase rate (of purchasers) and at-risk share (of repeat customers), METRICS.md §4. */
export function riskFigures({ current, previous }: LoyaltySummary): RiskFigure[] {
  return [
    {
      id: "repeat-purchase-rate",
      name: "repeatRate",
      line: "repeatRateLine",
      rate: current.repeatPurchaseRate,
      count: current.repeatPurchasers,
      total: current.purchasers,
      change: pointsBetween(current.repeatPurchaseRate, previous.repeatPurchaseRate),
    },
    {
      id: "at-risk-share",
      name: "atRiskShare",
      line: "atRiskLine",
      rate: current.atRiskShare,
      count: current.atRiskCustomers,
      total: current.repeatCustomers,
      change: pointsBetween(current.atRiskShare, previous.atRiskShare),
    },
  ];
}
