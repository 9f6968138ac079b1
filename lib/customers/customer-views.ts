import type { ChannelName, EventTypeName } from "@/lib/events/enums";
import type { FrequencyBucketId } from "@/lib/metrics/frequency-buckets";

/**
 * What the Customers pages show: shared by the server functions that read it and the
 * components that render it. Instants are ISO strings.
 */

export interface CustomerListRow {
  customerId: string;
  firstSeenAt: string;
  lastSeenAt: string;
  country: string | null;
  loyaltyTier: string | null;
  /** Contacts in the report window (channel filter applied). */
  contacts: number;
}

export interface CustomerListPage {
  /** Customers matching the search and filters, not only this page. */
  total: number;
  rows: CustomerListRow[];
}

export interface TimelineEvent {
  id: string;
  type: EventTypeName;
  at: string;
  channel: ChannelName | null;
  messageId: string | null;
  campaignId: string | null;
  messageKind: string | null;
  topic: string | null;
  topics: string[];
  value: number | null;
  currency: string | null;
  /** For a contact (a non-transactional send): its relevance 0–100 (null: not scored). */
  relevance?: number | null;
  /** For a contact: when it was clicked within 7 days, if it was. */
  clickedAt?: string | null;
  /** For a contact made after an opt-out still in force: that opt-out. */
  optedOutAt?: string | null;
}

export interface ConsentChange {
  at: string;
  type: "consent_granted" | "consent_withdrawn" | "unsubscribed" | "complained";
  /** null: every channel. */
  channel: ChannelName | null;
}

export interface CustomerProfile {
  customerId: string;
  traits: Record<string, unknown>;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Consent in force now, per channel with a consent event. */
  consent: { channel: ChannelName; state: string; changedAt: string }[];
  /** Every consent event, newest first. */
  consentHistory: ConsentChange[];
  preferences: { topics: string[]; maxPerWeek: number | null; updatedAt: string } | null;
  /** Contacts per ISO week (Monday first, workspace zone) for the 12 weeks to the window's end. */
  weeklyContacts: { weekStart: string; contacts: number }[];
  /** The report window's contacts per week and its frequency bucket (null: not contacted). */
  window: {
    contacts: number;
    perWeek: number;
    bucket: FrequencyBucketId | null;
    overCap: boolean;
    cap: number;
  };
  timeline: { total: number; events: TimelineEvent[] };
}
