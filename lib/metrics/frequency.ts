import type { ChannelName } from "@/lib/events/enums";

import type { FrequencyBucketId } from "./frequency-buckets";

/**
 * Result types and metric-specific parameters of contact frequency and saturation
 * (docs/metrics.md §1), shared by the metric functions, the API and the UI.
 * Instants are ISO strings; rates are fractions (0–1), null over a zero denominator.
 */

/** Silent contacted customers have at least this many contacts in the window (METRICS.md §1). */
export const SILENT_MIN_CONTACTS = 8;

// --- Frequency distribution -------------------------------------------------------------

/** Contacted customers whose contacts per week fall in one bucket; share of the contacted. */
export interface BucketCustomers {
  bucket: FrequencyBucketId;
  customers: number;
  /** customers / contacted customers. */
  share: number | null;
}

export interface FrequencyBreakdown {
  contacts: number;
  contactedCustomers: number;
  /** Median over contacted customers of contacts / weeks; null with nobody contacted. */
  medianPerWeek: number | null;
  /** Mean over contacted customers of contacts / weeks (= contacts / contacted / weeks). */
  meanPerWeek: number | null;
  /** Every bucket, in FREQUENCY_BUCKETS order, empty ones included. */
  buckets: BucketCustomers[];
}

export interface ChannelFrequency extends FrequencyBreakdown {
  channel: ChannelName;
}

export interface FrequencyDistribution {
  weeks: number;
  total: FrequencyBreakdown;
  /** Channels with at least one contact, in CHANNELS order; rates by contacts on the channel. */
  channels: ChannelFrequency[];
}

// --- Saturation curve and fatigue point --------------------------------------------------

export interface SaturationBucket {
  bucket: FrequencyBucketId;
  customers: number;
  contacts: number;
  engagedContacts: number;
  /** engaged contacts / contacts. */
  clickRate: number | null;
  /** Customers of the bucket with an `unsubscribed` in the window, on any channel. */
  unsubscribedCustomers: number;
  unsubscribeShare: number | null;
  /** Customers of the bucket with a `complained` in the window, on any channel. */
  complainedCustomers: number;
  complaintShare: number | null;
}

export interface FatiguePoint {
  bucket: FrequencyBucketId;
  /** The bucket's lower bound, in contacts per week. */
  recommendedWeeklyCap: number;
  /** Which test it failed: click rate under half of (0,1]'s, unsubscribe share over twice. */
  reasons: ("clickRate" | "unsubscribeShare")[];
}

export interface SaturationCurve {
  weeks: number;
  /** Every bucket, in FREQUENCY_BUCKETS order, empty ones included. */
  buckets: SaturationBucket[];
  fatiguePoint: FatiguePoint | null;
}

// --- Over-contacted customers ------------------------------------------------------------

export interface OverContacted {
  weeks: number;
  /** The cap used: params.frequencyCap, else DEFAULT_FREQUENCY_CAP. */
  cap: number;
  contactedCustomers: number;
  /** Contacted customers with contacts / weeks > cap. */
  overContactedCustomers: number;
  share: number | null;
}

// --- Contacts after opt-out --------------------------------------------------------------

/** Fixed bins of the delay between the latest opt-out and the violating send: [lower, upper) days. */
export const OPT_OUT_DELAY_BINS = [
  { id: "0-1", label: "< 1 day", lowerDays: 0, upperDays: 1 },
  { id: "1-7", label: "1–7 days", lowerDays: 1, upperDays: 7 },
  { id: "7-30", label: "7–30 days", lowerDays: 7, upperDays: 30 },
  { id: "30-90", label: "30–90 days", lowerDays: 30, upperDays: 90 },
  { id: "90+", label: "≥ 90 days", lowerDays: 90, upperDays: null },
] as const;
export type OptOutDelayBinId = (typeof OPT_OUT_DELAY_BINS)[number]["id"];

export interface ViolationCount {
  contacts: number;
  customers: number;
}

export interface ContactsAfterOptOut extends ViolationCount {
  /** Channels with a violation, in CHANNELS order (a send without a channel last, as null). */
  byChannel: (ViolationCount & { channel: ChannelName | null })[];
  /** Campaigns with a violation: most contacts first, then by id; sends without one last. */
  byCampaign: (ViolationCount & { campaignId: string | null })[];
  delay: {
    /** Days from the latest opt-out to the send; null without violations. */
    medianDays: number | null;
    maxDays: number | null;
    /** Violating contacts per bin, every bin in OPT_OUT_DELAY_BINS order. */
    bins: { bin: OptOutDelayBinId; contacts: number }[];
  };
}

export interface ContactAfterOptOutRow {
  /** The message_sent event's id. */
  eventId: string;
  customerId: string;
  sentAt: string;
  channel: ChannelName | null;
  campaignId: string | null;
  messageId: string | null;
  /** The latest opt-out before the send. */
  optedOutAt: string;
  delayDays: number;
}

export interface ContactsAfterOptOutList {
  /** All violations in the window, not only this page. */
  total: number;
  /** Newest send first, then by event id. */
  rows: ContactAfterOptOutRow[];
}

// --- The Overview's numbers ---------------------------------------------------------------

/** The contact numbers at the top of the Overview page, for one window (metric `overview`). */
export interface OverviewNumbers {
  contacts: number;
  contactedCustomers: number;
  /** null when nobody was contacted. */
  medianContactsPerWeek: number | null;
  /** Count and customers only; the full report is the `optout` metric. */
  contactsAfterOptOut: ViolationCount;
}

// --- Silent contacted customers ----------------------------------------------------------

export interface SilentCustomers {
  /** Contacted customers with ≥ SILENT_MIN_CONTACTS contacts and no engaged contact. */
  silentCustomers: number;
  contactedCustomers: number;
  share: number | null;
}

export interface SilentCustomerRow {
  customerId: string;
  contacts: number;
  perWeek: number;
}

export interface SilentCustomerList {
  total: number;
  /** Most contacts first, then by customer id (code-point order). */
  rows: SilentCustomerRow[];
}

// --- Contact pressure heatmap ------------------------------------------------------------

export interface PressureWeek {
  /** ISO week of the Monday, e.g. "2026-W10". */
  isoWeek: string;
  /** Monday 00:00 in the time zone, as an instant. */
  weekStart: string;
  /** The part of the week inside the report window. */
  from: string;
  to: string;
  /** (to − from) / the calendar week's length: 1 for a whole week. */
  fraction: number;
  /** Customers with a contact in [from, to). */
  contactedCustomers: number;
  /** By contacts in [from, to) / fraction; every bucket, in FREQUENCY_BUCKETS order. */
  buckets: BucketCustomers[];
}

export interface ContactPressureHeatmap {
  timeZone: string;
  weeks: PressureWeek[];
}
