import { clicksByPair, DAY, isContact, type RefEvent, roundHalfAway, WEEK } from "./events";

/** What METRICS.md says about one contact, worked out from the event list alone. */
export interface RefContactFact {
  event: RefEvent;
  engaged: boolean;
  /** 0–100, or null: no signal in the 90 days before, or a send without topic. */
  relevance: number | null;
  /** The latest applicable opt-out still in force at the send (a violation), or null. */
  optedOutAt: number | null;
  /** The preferences_updated in force at the send, if any. */
  stated: RefEvent | null;
}

const SIGNAL_WEIGHTS: Partial<Record<RefEvent["type"], number>> = {
  product_viewed: 1,
  message_clicked: 2,
  cart_added: 3,
  purchased: 5,
};
const CONSENT_TYPES = new Set(["unsubscribed", "complained", "consent_withdrawn", "consent_granted"]);

/** Topics of an interest signal: its topic and its topics, each once. */
export function signalTopics(event: RefEvent): string[] {
  return [...new Set([...event.topics, ...(event.topic === null ? [] : [event.topic])])];
}

export const signalWeight = (event: RefEvent) => SIGNAL_WEIGHTS[event.type] ?? 0;

/** s(c, T, t) for every topic T: decayed signal weights in [t − 90 days, t). */
export function interestAt(signals: readonly RefEvent[], t: number): Map<string, number> {
  const interest = new Map<string, number>();
  for (const signal of signals) {
    if (signal.ts >= t || signal.ts < t - 90 * DAY) continue;
    const decay = 0.5 ** ((t - signal.ts) / DAY / 30);
    for (const topic of signalTopics(signal)) {
      interest.set(topic, (interest.get(topic) ?? 0) + signalWeight(signal) * decay);
    }
  }
  return interest;
}

/** The facts of every contact in the list. */
export function referenceContactFacts(events: readonly RefEvent[]): RefContactFact[] {
  const byCustomer = new Map<string, RefEvent[]>();
  for (const e of events) byCustomer.set(e.customerId, [...(byCustomer.get(e.customerId) ?? []), e]);
  const clicks = clicksByPair(events);
  return events.filter(isContact).map((send) => {
    const own = byCustomer.get(send.customerId) ?? [];
    const clickTimes = clicks.get(`${send.customerId}\u0000${send.messageId}`) ?? [];
    return {
      event: send,
      engaged: clickTimes.some((ts) => ts >= send.ts && ts < send.ts + WEEK),
      relevance: relevanceOf(
        send,
        own.filter((e) => signalWeight(e) > 0),
      ),
      optedOutAt: optedOutAt(send, own),
      stated: statedAt(send.ts, own),
    };
  });
}

function relevanceOf(send: RefEvent, signals: readonly RefEvent[]): number | null {
  if (send.topic === null) return null;
  const interest = interestAt(signals, send.ts);
  if (interest.size === 0) return null;
  const top = Math.max(...interest.values());
  return roundHalfAway((100 * (interest.get(send.topic) ?? 0)) / top);
}

function optedOutAt(send: RefEvent, own: readonly RefEvent[]): number | null {
  let latest: RefEvent | null = null;
  for (const e of own) {
    if (!CONSENT_TYPES.has(e.type) || e.ts >= send.ts) continue;
    if (e.channel !== null && e.channel !== send.channel) continue;
    const optOut = e.type !== "consent_granted";
    if (!latest || e.ts > latest.ts || (e.ts === latest.ts && optOut)) latest = e;
  }
  return latest && latest.type !== "consent_granted" ? latest.ts : null;
}

/** The latest preferences_updated strictly before t; ties: the greater topics text, then maxPerWeek. */
export function statedAt(t: number, own: readonly RefEvent[]): RefEvent | null {
  let latest: RefEvent | null = null;
  for (const e of own) {
    if (e.type !== "preferences_updated" || e.ts >= t) continue;
    if (!latest || compareStated(e, latest) > 0) latest = e;
  }
  return latest;
}

function compareStated(a: RefEvent, b: RefEvent): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  const topicsA = a.topics.join(",");
  const topicsB = b.topics.join(",");
  if (topicsA !== topicsB) return topicsA < topicsB ? -1 : 1;
  return (a.maxPerWeek ?? 0) - (b.maxPerWeek ?? 0);
}
