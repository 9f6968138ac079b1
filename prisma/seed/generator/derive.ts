import { CHANNELS as ALL_CHANNELS } from "@/lib/events/enums";
import type { Channel, ConsentState } from "@/lib/generated/prisma/client";

import type { DemoEvent } from "./types";

const STATE: Partial<Record<DemoEvent["type"], ConsentState>> = {
  consent_granted: "granted",
  consent_withdrawn: "withdrawn",
  unsubscribed: "unsubscribed",
  complained: "complained",
};

// At one instant an opt-out beats a grant, and a stronger opt-out a weaker one (as ingestion does).
const RANK: Record<ConsentState, number> = { granted: 0, withdrawn: 1, unsubscribed: 2, complained: 3 };

export interface CustomerRow {
  id: string;
  traits: string;
  traitTimes: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface ConsentRow {
  customerId: string;
  channel: Channel;
  state: ConsentState;
  changedAt: number;
}

export interface PreferenceRow {
  customerId: string;
  topics: string;
  maxPerWeek: number | null;
  updatedAt: number;
}

export interface DerivedRows {
  customer: CustomerRow;
  consents: ConsentRow[];
  preference: PreferenceRow | null;
}

/**
 * The derived tables of one customer, computed from their events (sorted by time) by the
 * EVENTS.md rules, exactly as ingestion would: latest trait per key, latest applicable
 * consent event per channel (a channel-less one applies to all; see RANK for ties),
 * the latest preferences_updated as a whole.
 */
export function deriveRows(customerId: string, events: DemoEvent[]): DerivedRows {
  const traits: Record<string, unknown> = {};
  const traitTimes: Record<string, string> = {};
  const consent = new Map<Channel, { t: number; state: ConsentState }>();
  let preference: PreferenceRow | null = null;

  for (const e of events) {
    if (e.type === "customer_updated" && e.traits) {
      const iso = new Date(e.t).toISOString();
      for (const [key, value] of Object.entries(JSON.parse(e.traits) as Record<string, unknown>)) {
        traits[key] = value;
        traitTimes[key] = iso;
      }
    }
    const state = STATE[e.type];
    if (state) {
      for (const channel of e.channel ? [e.channel] : ALL_CHANNELS) {
        const known = consent.get(channel);
        if (!known || e.t > known.t || (e.t === known.t && RANK[state] > RANK[known.state]))
          consent.set(channel, { t: e.t, state });
      }
    }
    if (e.type === "preferences_updated") {
      preference = { customerId, topics: e.topics, maxPerWeek: e.maxPerWeek, updatedAt: e.t };
    }
  }
  return {
    customer: {
      id: customerId,
      traits: JSON.stringify(traits),
      traitTimes: JSON.stringify(traitTimes),
      firstSeenAt: events[0].t,
      lastSeenAt: events[events.length - 1].t,
    },
    consents: [...consent.entries()]
      .sort(([a], [b]) => ALL_CHANNELS.indexOf(a) - ALL_CHANNELS.indexOf(b))
      .map(([channel, { t, state }]) => ({ customerId, channel, state, changedAt: t })),
    preference,
  };
}
