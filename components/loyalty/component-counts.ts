import type { LoyaltyComponentId, LoyaltyFigures } from "@/lib/metrics/loyalty";

/** The customers (or, for relevance, scored contacts) behind a component: `count` of `total`. */
export interface ComponentCounts {
  count: number;
  total: number;
}

/**
 * The counts behind each part of the index (METRICS.md §4): repeat purchasers of purchasers,
 * repeat customers not at risk, engaged of contacted (90 days), contacted not over the cap
 * (28 days); relevance is a mean over the scored contacts of the 28 days, out of all contacts.
 */
export function componentCounts(figures: LoyaltyFigures, id: LoyaltyComponentId): ComponentCounts {
  switch (id) {
    case "repeatPurchaseRate":
      return { count: figures.repeatPurchasers, total: figures.purchasers };
    case "notAtRisk":
      return { count: figures.repeatCustomers - figures.atRiskCustomers, total: figures.repeatCustomers };
    case "engagedShare":
      return { count: figures.engagedCustomers90d, total: figures.contactedCustomers90d };
    case "notOverContacted":
      return {
        count: figures.contactedCustomers28d - figures.overContactedCustomers,
        total: figures.contactedCustomers28d,
      };
    case "relevance":
      return { count: figures.scoredContacts28d, total: figures.contacts28d };
  }
}
