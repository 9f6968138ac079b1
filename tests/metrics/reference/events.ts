import type {
  ChannelName as Channel,
  EventTypeName,
  MessageKindName as MessageKind,
} from "@/lib/events/enums";

/**
 * The reference implementation of METRICS.md (tests only): plain TypeScript over an in-memory
 * list of events, written from the definitions without looking at the SQL, and compared with
 * the SQL engine on random datasets (tests/metrics/reference-equivalence.db.test.ts).
 */

/** One stored event, as the reference sees it: times in epoch milliseconds. */
export interface RefEvent {
  key: string;
  type: EventTypeName;
  customerId: string;
  ts: number;
  channel: Channel | null;
  messageId: string | null;
  campaignId: string | null;
  messageKind: MessageKind | null;
  /** Own topic, or after inheritance (see `inheritTopics`) the send's. */
  topic: string | null;
  topics: string[];
  maxPerWeek: number | null;
  value: number | null;
  traits: Record<string, unknown> | null;
}

/** What every reference metric takes: the half-open window and the filters. */
export interface RefQuery {
  from: number;
  to: number;
  channel?: Channel | null;
  /** The segment's customers (already evaluated); absent = everyone. */
  customers?: ReadonlySet<string> | null;
  timeZone?: string;
  frequencyCap?: number;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

export const weeksOf = (query: RefQuery) => (query.to - query.from) / WEEK;
export const inWindow = (ts: number, query: RefQuery) => ts >= query.from && ts < query.to;
export const inSegment = (customerId: string, query: RefQuery) =>
  !query.customers || query.customers.has(customerId);

/** A contact: a message_sent that is not transactional (none counts as promotional). */
export const isContact = (event: RefEvent) =>
  event.type === "message_sent" && event.messageKind !== "transactional";

/** Contacts in the window, on the channel filter, of the segment's customers. */
export function contactsIn(events: readonly RefEvent[], query: RefQuery): RefEvent[] {
  return events.filter(
    (e) =>
      isContact(e) &&
      inWindow(e.ts, query) &&
      inSegment(e.customerId, query) &&
      (!query.channel || e.channel === query.channel),
  );
}

const INHERITING = new Set(["message_delivered", "message_bounced", "message_opened", "message_clicked"]);

/**
 * Topic of a message event: its own, else the topic of its send (same customer and messageId;
 * of several, the earliest with a topic, ties by key) — EVENTS.md.
 */
export function inheritTopics(events: readonly RefEvent[]): RefEvent[] {
  const sendTopic = new Map<string, RefEvent>();
  for (const e of events) {
    if (e.type !== "message_sent" || e.topic === null || e.messageId === null) continue;
    const pair = `${e.customerId}\u0000${e.messageId}`;
    const known = sendTopic.get(pair);
    if (!known || e.ts < known.ts || (e.ts === known.ts && e.key < known.key)) sendTopic.set(pair, e);
  }
  return events.map((e) => {
    if (!INHERITING.has(e.type) || e.topic !== null || e.messageId === null) return e;
    const send = sendTopic.get(`${e.customerId}\u0000${e.messageId}`);
    return send ? { ...e, topic: send.topic } : e;
  });
}

/** Engaged: the same customer clicked the same message in [sent, sent + 7 days). */
export function isEngaged(send: RefEvent, clicksByPair: ReadonlyMap<string, number[]>): boolean {
  const clicks = clicksByPair.get(`${send.customerId}\u0000${send.messageId}`) ?? [];
  return clicks.some((ts) => ts >= send.ts && ts < send.ts + WEEK);
}

/** Click times by customer and messageId, for `isEngaged`. */
export function clicksByPair(events: readonly RefEvent[]): Map<string, number[]> {
  const clicks = new Map<string, number[]>();
  for (const e of events) {
    if (e.type !== "message_clicked" || e.messageId === null) continue;
    const pair = `${e.customerId}\u0000${e.messageId}`;
    clicks.set(pair, [...(clicks.get(pair) ?? []), e.ts]);
  }
  return clicks;
}

/** A rate with its counts: null over a zero denominator, never 0. */
export const rate = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

/** Median (mean of the two middle values for an even count); null over nothing. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounding to an integer, half away from zero (METRICS.md). */
export const roundHalfAway = (value: number) => Math.sign(value) * Math.round(Math.abs(value));
