import "server-only";

import { type LoyaltyFigures, loyaltyIndex } from "@/lib/metrics/loyalty";

import type { LoyaltyCounts } from "./loyalty-at-ends";

const rate = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
const complement = (share: number | null) => (share === null ? null : 1 - share);

/** The loyalty figures of a window [from, to) from its counts: rates, mean relevance and the index. */
export function loyaltyFigures(from: Date, to: Date, counts: LoyaltyCounts): LoyaltyFigures {
  const repeatPurchaseRate = rate(counts.repeatPurchasers, counts.purchasers);
  const atRiskShare = rate(counts.atRiskCustomers, counts.repeatCustomers);
  const engagedShare = rate(counts.engagedCustomers90d, counts.contactedCustomers90d);
  const overContactedShare = rate(counts.overContactedCustomers, counts.contactedCustomers28d);
  const meanRelevance = rate(counts.relevanceSum28d, counts.scoredContacts28d);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    purchasers: counts.purchasers,
    repeatPurchasers: counts.repeatPurchasers,
    repeatPurchaseRate,
    activeCustomers: counts.activeCustomers,
    repeatCustomers: counts.repeatCustomers,
    atRiskCustomers: counts.atRiskCustomers,
    atRiskShare,
    contactedCustomers90d: counts.contactedCustomers90d,
    engagedCustomers90d: counts.engagedCustomers90d,
    engagedShare,
    contactedCustomers28d: counts.contactedCustomers28d,
    overContactedCustomers: counts.overContactedCustomers,
    overContactedShare,
    contacts28d: counts.contacts28d,
    scoredContacts28d: counts.scoredContacts28d,
    meanRelevance,
    index: loyaltyIndex({
      repeatPurchaseRate,
      notAtRisk: complement(atRiskShare),
      engagedShare,
      notOverContacted: complement(overContactedShare),
      relevance: meanRelevance === null ? null : meanRelevance / 100,
    }),
  };
}
