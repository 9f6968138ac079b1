import { randomUUID } from "node:crypto";

/** Small builders of raw events as clients send them (EVENTS.md), for the ingestion tests. */

export type RawEvent = Record<string, unknown>;

export const AT = "2026-03-01T09:30:00Z";

export function sentEvent(customerId: string, messageId: string, at = AT, extra: RawEvent = {}): RawEvent {
  return { type: "message_sent", customerId, timestamp: at, channel: "email", messageId, ...extra };
}

export function messageEvent(
  type: "message_delivered" | "message_bounced" | "message_opened" | "message_clicked",
  customerId: string,
  messageId: string,
  at: string,
  extra: RawEvent = {},
): RawEvent {
  return { type, customerId, timestamp: at, channel: "email", messageId, ...extra };
}

export function traitsEvent(customerId: string, at: string, traits: Record<string, unknown>): RawEvent {
  return { type: "customer_updated", customerId, timestamp: at, traits };
}

export function consentEvent(
  type: "unsubscribed" | "complained" | "consent_granted" | "consent_withdrawn",
  customerId: string,
  at: string,
  channel?: string,
): RawEvent {
  return { type, customerId, timestamp: at, ...(channel ? { channel } : {}) };
}

export function preferencesEvent(
  customerId: string,
  at: string,
  preference: { topics?: string[]; maxPerWeek?: number },
): RawEvent {
  return { type: "preferences_updated", customerId, timestamp: at, ...preference };
}

export function pageView(customerId: string, at = AT, extra: RawEvent = {}): RawEvent {
  return { type: "page_viewed", customerId, timestamp: at, ...extra };
}

/** A unique event id, so tests sharing a database never collide. */
export const uniqueId = (prefix = "evt") => `${prefix}-${randomUUID()}`;

/** A deterministic PRNG (mulberry32) for seeded shuffles. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
