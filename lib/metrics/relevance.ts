/**
 * Result types and parameters of the relevance metrics (METRICS.md §2 and "Stated vs actual"
 * in §3; docs/metrics.md). Shared by the metric functions, the API and the UI: no server code.
 * Rates are fractions 0–1 with the counts behind them, null over a zero denominator.
 */

/** A scored contact with relevance below this is irrelevant. */
export const IRRELEVANT_BELOW = 20;

/** Relevance bands of 10 points: [0,10), [10,20), … [90,100]; 100 falls in the last band. */
export const RELEVANCE_BANDS = Array.from({ length: 10 }, (_, index) => ({
  id: `${index * 10}-${index * 10 + 10}`,
  label: index === 9 ? "[90, 100]" : `[${index * 10}, ${index * 10 + 10})`,
  lower: index * 10,
  upper: index * 10 + 10,
}));

export type RelevanceBand = (typeof RELEVANCE_BANDS)[number];

/** The band index (0–9) of a relevance score 0–100. */
export const relevanceBandIndex = (relevance: number) => Math.min(Math.floor(relevance / 10), 9);

/** Relevance figures of a set of contacts (the whole window, a campaign or a topic). */
export interface RelevanceFigures {
  contacts: number;
  /** Contacts with a relevance score (a topic, and a signal in the 90 days before). */
  scoredContacts: number;
  /** scoredContacts / contacts. */
  coverage: number | null;
  /** Mean relevance (0–100, unrounded) of the scored contacts. */
  meanRelevance: number | null;
  /** Scored contacts with relevance below 20. */
  irrelevantContacts: number;
  /** irrelevantContacts / scoredContacts. */
  irrelevantShare: number | null;
}

export type RelevanceSummary = RelevanceFigures;

/** One row of the per-campaign or per-topic table, with engagement next to relevance. */
export interface RelevanceRow extends RelevanceFigures {
  engagedContacts: number;
  /** engagedContacts / contacts. */
  clickRate: number | null;
}

export interface RelevanceByCampaignRow extends RelevanceRow {
  /** null groups the contacts without a campaign. */
  campaignId: string | null;
}

export interface RelevanceByTopicRow extends RelevanceRow {
  /** The send's own topic; null groups the contacts without one (never scored). */
  topic: string | null;
}

export interface RelevanceDistributionRow {
  band: string;
  label: string;
  lower: number;
  upper: number;
  scoredContacts: number;
  /** scoredContacts of the band / scored contacts in all bands. */
  share: number | null;
}

export interface RelevanceDistribution {
  scoredContacts: number;
  bands: RelevanceDistributionRow[];
}

export interface RelevanceCalibrationRow {
  /** A band id of RELEVANCE_BANDS, or "none" for contacts with a topic but no signal. */
  band: string;
  label: string;
  contacts: number;
  engagedContacts: number;
  /** engagedContacts / contacts. */
  clickRate: number | null;
}

export interface RelevanceCalibration {
  /** The ten bands in order, then the "no signal" row. */
  rows: RelevanceCalibrationRow[];
  /** Contacts without a topic: not scored and not in any row. */
  contactsWithoutTopic: number;
}

/** The bands a customer list can be asked for: a band id of RELEVANCE_BANDS, or "none" (a topic but no signal). */
export const RELEVANCE_LIST_BANDS: [string, ...string[]] = ["none", ...RELEVANCE_BANDS.map((band) => band.id)];

/** A customer with contacts in one relevance band of the window (the drill-down of a band). */
export interface RelevanceBandCustomer {
  customerId: string;
  /** The customer's contacts in the band. */
  contacts: number;
  /** Of them, engaged (clicked within 7 days). */
  engagedContacts: number;
  /** Mean relevance of those contacts; null for the "none" band. */
  meanRelevance: number | null;
  /** The latest of those contacts (ISO instant). */
  lastContactAt: string;
}

export interface SendVsWantRow {
  topic: string;
  /** Contacts in the window with this topic. */
  contacts: number;
  /** contacts / contacts with a topic. */
  sendShare: number | null;
  /** Sum of interest-signal weights on this topic in the window (no decay). */
  signalWeight: number;
  /** signalWeight / signal weight on all topics. */
  wantShare: number | null;
}

export interface SendVsWant {
  contactsWithTopic: number;
  /** Counted as contacts elsewhere, but left out of send shares. */
  contactsWithoutTopic: number;
  totalSignalWeight: number;
  /** 50 · Σ |send share − want share| over the topics of either side, 0–100; null when a side is empty. */
  gapIndex: number | null;
  /** Topics with contacts or signals: by contacts desc, then signal weight desc, then topic. */
  topics: SendVsWantRow[];
}

export interface StatedVsActual {
  /** (a) Contacts with a topic made to customers with stated topics in force at the contact. */
  contactsWithStatedTopics: number;
  /** … whose topic is not among the stated topics. */
  offPreferenceContacts: number;
  /** offPreferenceContacts / contactsWithStatedTopics. */
  offPreferenceShare: number | null;
  /** (b) Contacted customers in the window. */
  contactedCustomers: number;
  /** Contacted customers with a maxPerWeek in force at their last contact in the window. */
  customersWithStatedMax: number;
  /** … whose contacts per week exceed it. */
  customersExceeding: number;
  /** customersExceeding / customersWithStatedMax. */
  exceedingShare: number | null;
}

export interface StatedVsActualCustomer {
  customerId: string;
  contacts: number;
  contactsPerWeek: number;
  /** The maxPerWeek in force at the customer's last contact in the window. */
  statedMaxPerWeek: number;
  /** That last contact (ISO instant). */
  lastContactAt: string;
}

export interface StatedVsActualCustomerList {
  /** All customers exceeding their stated maximum (the rows are one page of them). */
  total: number;
  /** By contacts per week / stated maximum desc, then customerId. */
  customers: StatedVsActualCustomer[];
}
