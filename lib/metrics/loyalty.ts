import type { FrequencyBucketId } from "./frequency-buckets";

/**
 * Result types and metric-specific parameters of loyalty health (docs/metrics.md §4), shared by
 * the metric functions, the API and the UI. Instants are ISO strings; rates are fractions (0–1),
 * null over a zero denominator. No result holds customer-level data.
 */

/** The default loyalty window: 365 days ending at `to` (the API applies it when `from` is absent). */
export const LOYALTY_WINDOW_DAYS = 365;
/** Active customers bought in these days before `to`; engaged share looks at contacts in them. */
export const ACTIVE_DAYS = 90;
/** Over-contacted share and mean relevance are read over these days before `to`. */
export const PRESSURE_DAYS = 28;
/** A customer is at risk only after at least this many days without a purchase. */
export const AT_RISK_FLOOR_DAYS = 60;
/** Cohort retention is reported for these months after the cohort's month. */
export const COHORT_MONTHS = 12;
/** The loyalty trend shows the index at the end of this many calendar months. */
export const TREND_MONTHS = 12;

// --- Loyalty health index ---------------------------------------------------------------

export const LOYALTY_COMPONENTS = [
  { id: "repeatPurchaseRate", weight: 0.3 },
  { id: "notAtRisk", weight: 0.2 },
  { id: "engagedShare", weight: 0.2 },
  { id: "notOverContacted", weight: 0.15 },
  { id: "relevance", weight: 0.15 },
] as const;
export type LoyaltyComponentId = (typeof LOYALTY_COMPONENTS)[number]["id"];

export interface LoyaltyIndexComponent {
  id: LoyaltyComponentId;
  /** The weight of METRICS.md §4. */
  weight: number;
  /** The component as a fraction 0–1 (1 − at-risk share, mean relevance / 100, …); null = missing. */
  value: number | null;
  /** The weight used: rescaled over the components present; 0 for a missing one. */
  appliedWeight: number;
}

export interface LoyaltyIndex {
  /** 0–100, unrounded; null when no component can be computed. */
  value: number | null;
  /** True when at least one component is missing (its weight went to the others). */
  partial: boolean;
  components: LoyaltyIndexComponent[];
}

/** The index from its five component values (fractions, null = missing). */
export function loyaltyIndex(values: Record<LoyaltyComponentId, number | null>): LoyaltyIndex {
  const present = LOYALTY_COMPONENTS.filter((c) => values[c.id] !== null);
  const totalWeight = present.reduce((sum, c) => sum + c.weight, 0);
  const components = LOYALTY_COMPONENTS.map((c) => ({
    id: c.id,
    weight: c.weight,
    value: values[c.id],
    appliedWeight: values[c.id] === null ? 0 : c.weight / totalWeight,
  }));
  const value =
    present.length === 0
      ? null
      : (100 * present.reduce((sum, c) => sum + c.weight * (values[c.id] as number), 0)) / totalWeight;
  return { value, partial: present.length < LOYALTY_COMPONENTS.length, components };
}

// --- Loyalty summary --------------------------------------------------------------------

/** Every loyalty figure at one window's end, with the counts behind each rate. */
export interface LoyaltyFigures {
  /** The loyalty window [from, to). */
  from: string;
  to: string;
  /** Customers with ≥ 1 purchase in the window. */
  purchasers: number;
  /** Purchasers with ≥ 2 purchases in the window. */
  repeatPurchasers: number;
  /** repeat purchasers / purchasers. */
  repeatPurchaseRate: number | null;
  /** Customers with a purchase in the 90 days before `to`. */
  activeCustomers: number;
  /** Customers with ≥ 2 purchases before `to` (any time): the base of the at-risk share. */
  repeatCustomers: number;
  /** Of those, the ones whose days since their last purchase exceed max(60, 2 × median gap). */
  atRiskCustomers: number;
  atRiskShare: number | null;
  /** Customers contacted in the 90 days before `to` (channel filter applies). */
  contactedCustomers90d: number;
  /** Of those, customers with an engaged contact in those 90 days. */
  engagedCustomers90d: number;
  engagedShare: number | null;
  /** Customers contacted in the 28 days before `to` (channel filter applies). */
  contactedCustomers28d: number;
  /** Of those, customers whose contacts per week (contacts / 4) exceed the cap. */
  overContactedCustomers: number;
  overContactedShare: number | null;
  /** Contacts in the 28 days before `to`, and those with a relevance score. */
  contacts28d: number;
  scoredContacts28d: number;
  /** Mean relevance (0–100) of the scored contacts; null with none. */
  meanRelevance: number | null;
  index: LoyaltyIndex;
}

export interface LoyaltySummary {
  frequencyCap: number;
  current: LoyaltyFigures;
  /** The previous period of the same length: [from − (to − from), from). */
  previous: LoyaltyFigures;
  /** current index − previous index, in index points; null when either is null. */
  indexChange: number | null;
}

// --- Cohorts ----------------------------------------------------------------------------

export interface CohortRetention {
  /** Months after the cohort's month: 1–12. */
  offset: number;
  /** The calendar month, "YYYY-MM" (workspace zone). */
  month: string;
  /** Cohort customers with a purchase in that month; null when the month begins at or after `to`. */
  retained: number | null;
  /** retained / cohort size; null when not reported or the cohort is empty. */
  retention: number | null;
  /** The month contains `to`: only its part before `to` is counted. */
  partial: boolean;
}

export interface Cohort {
  /** The cohort's calendar month, "YYYY-MM" (workspace zone). */
  month: string;
  /** The instant the month begins. */
  start: string;
  /** Customers whose first purchase ever falls in the month. */
  size: number;
  retention: CohortRetention[];
}

export interface CohortTable {
  timeZone: string;
  /** Every month beginning in [from, to), oldest first; empty cohorts included. */
  cohorts: Cohort[];
}

// --- Trend ------------------------------------------------------------------------------

export interface LoyaltyTrendPoint extends LoyaltyFigures {
  /** The calendar month, "YYYY-MM" (workspace zone), at whose end (or at `to`) it is measured. */
  month: string;
}

export interface LoyaltyTrend {
  timeZone: string;
  frequencyCap: number;
  /** 12 points, oldest first; each window is the 365 days ending at the point's `to`. */
  points: LoyaltyTrendPoint[];
}

// --- Loyalty by contact pressure --------------------------------------------------------

export interface PressureBucketLoyalty {
  bucket: FrequencyBucketId;
  /** Customers contacted in the 28 days before `to` whose contacts per week fall in the bucket. */
  customers: number;
  /** Of them: purchasers and repeat purchasers in the loyalty window. */
  purchasers: number;
  repeatPurchasers: number;
  repeatPurchaseRate: number | null;
  /** Of them: customers with ≥ 2 purchases before `to`, and those at risk. */
  repeatCustomers: number;
  atRiskCustomers: number;
  atRiskShare: number | null;
  /** Of them: customers with an `unsubscribed` in the 28 days before `to` (any channel). */
  unsubscribedCustomers: number;
  unsubscribeShare: number | null;
}

export interface LoyaltyByPressure {
  /** The pressure window: the 28 days before `to`. */
  pressureFrom: string;
  pressureTo: string;
  /** Every bucket in FREQUENCY_BUCKETS order, empty ones included. */
  buckets: PressureBucketLoyalty[];
}
