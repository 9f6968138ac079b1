import type { ChannelName } from "@/lib/events/enums";
import { CONSENT_EVENT_TYPES } from "@/lib/schemas/event";

/** The consent events of the ledger (EVENTS.md): unsubscribes, complaints, grants, withdrawals. */
export const LEDGER_TYPES = CONSENT_EVENT_TYPES;
export type LedgerType = (typeof LEDGER_TYPES)[number];

/** Consent on one channel in one ISO week (the part of it inside the window). */
export interface ConsentRatePoint {
  /** ISO week, e.g. "2026-W10". */
  week: string;
  /** Monday of the week (workspace time zone), YYYY-MM-DD. */
  weekStart: string;
  channel: ChannelName;
  /** Customers with any consent state on the channel at the end of the week (or window). */
  customers: number;
  /** Of them, those whose latest applicable consent event is a grant. */
  granted: number;
  /** granted / customers; null when no customer has a state yet. */
  rate: number | null;
  /** Events in the week that apply to the channel (a channel-less one applies to every channel). */
  grants: number;
  withdrawals: number;
  unsubscribes: number;
  complaints: number;
}

export interface ConsentRates {
  /** Channels named by a consent event before the window's end, in enum order. */
  channels: ChannelName[];
  /** One point per week and channel, weeks in order. */
  points: ConsentRatePoint[];
}

/** One consent event of the ledger. */
export interface LedgerEntry {
  id: string;
  at: Date;
  customerId: string;
  /** Null: the event applies to every channel. */
  channel: ChannelName | null;
  type: LedgerType;
  campaignId: string | null;
  messageId: string | null;
}
