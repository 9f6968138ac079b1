import {
  IRRELEVANT_BELOW,
  RELEVANCE_BANDS,
  relevanceBandIndex,
  type RelevanceByCampaignRow,
  type RelevanceByTopicRow,
  type RelevanceCalibration,
  type RelevanceDistribution,
  type RelevanceFigures,
  type RelevanceRow,
  type SendVsWant,
  type StatedVsActual,
  type StatedVsActualCustomer,
} from "@/lib/metrics/relevance";

import {
  clicksByPair,
  contactsIn,
  DAY,
  inSegment,
  inWindow,
  isEngaged,
  rate,
  type RefEvent,
  type RefQuery,
  roundHalfAway,
  weeksOf,
} from "./events";

/**
 * The reference of METRICS.md §2 (relevance, send vs want) and "Stated vs actual" (§3), over
 * the event list (topics already inherited, see `inheritTopics`). Written from the definitions.
 */

const WEIGHTS: Partial<Record<RefEvent["type"], number>> = {
  product_viewed: 1,
  message_clicked: 2,
  cart_added: 3,
  purchased: 5,
};

const HORIZON = 90 * DAY;
const HALF_LIFE = 30 * DAY;

/** The topics an interest signal speaks for: its topic and its topics, each once. */
function topicsOf(signal: RefEvent): string[] {
  const topics = new Set(signal.topics);
  if (signal.topic !== null) topics.add(signal.topic);
  return [...topics];
}

function signalsByCustomer(events: readonly RefEvent[]): Map<string, RefEvent[]> {
  const byCustomer = new Map<string, RefEvent[]>();
  for (const e of events) {
    if (WEIGHTS[e.type] === undefined) continue;
    const list = byCustomer.get(e.customerId) ?? [];
    list.push(e);
    byCustomer.set(e.customerId, list);
  }
  return byCustomer;
}

/**
 * round(100 · s(c,T,t) / max_U s(c,U,t)), s summing w · 0.5^(Δ/30 days) over [t − 90 d, t);
 * null without a topic or without a signal. The ratio is rounded at 15 significant digits
 * first, so that float noise in the last bit cannot turn an exact x.5 into x.4999….
 */
export function referenceRelevance(send: RefEvent, signals: readonly RefEvent[]): number | null {
  if (send.topic === null) return null;
  const interest = new Map<string, number>();
  for (const signal of signals) {
    if (!(signal.ts < send.ts && signal.ts >= send.ts - HORIZON)) continue;
    const decayed = (WEIGHTS[signal.type] ?? 0) * 0.5 ** ((send.ts - signal.ts) / HALF_LIFE);
    for (const topic of topicsOf(signal)) interest.set(topic, (interest.get(topic) ?? 0) + decayed);
  }
  if (interest.size === 0) return null;
  const best = Math.max(...interest.values());
  return roundHalfAway(Number(((100 * (interest.get(send.topic) ?? 0)) / best).toPrecision(15)));
}

interface RefContact {
  send: RefEvent;
  relevance: number | null;
  engaged: boolean;
}

function scoredContacts(events: readonly RefEvent[], query: RefQuery): RefContact[] {
  const signals = signalsByCustomer(events);
  const clicks = clicksByPair(events);
  return contactsIn(events, query).map((send) => ({
    send,
    relevance: referenceRelevance(send, signals.get(send.customerId) ?? []),
    engaged: isEngaged(send, clicks),
  }));
}

function figuresOf(contacts: readonly RefContact[]): RelevanceRow {
  const scores = contacts.flatMap((c) => (c.relevance === null ? [] : [c.relevance]));
  const irrelevant = scores.filter((score) => score < IRRELEVANT_BELOW).length;
  const engaged = contacts.filter((c) => c.engaged).length;
  return {
    contacts: contacts.length,
    scoredContacts: scores.length,
    coverage: rate(scores.length, contacts.length),
    meanRelevance: rate(
      scores.reduce((sum, score) => sum + score, 0),
      scores.length,
    ),
    irrelevantContacts: irrelevant,
    irrelevantShare: rate(irrelevant, scores.length),
    engagedContacts: engaged,
    clickRate: rate(engaged, contacts.length),
  };
}

export function refRelevanceSummary(events: readonly RefEvent[], query: RefQuery): RelevanceFigures {
  const {
    engagedContacts: _engaged,
    clickRate: _clickRate,
    ...figures
  } = figuresOf(scoredContacts(events, query));
  return figures;
}

function groupedBy(
  events: readonly RefEvent[],
  query: RefQuery,
  key: (send: RefEvent) => string | null,
): { id: string | null; figures: RelevanceRow }[] {
  const groups = new Map<string | null, RefContact[]>();
  for (const contact of scoredContacts(events, query)) {
    const id = key(contact.send);
    groups.set(id, [...(groups.get(id) ?? []), contact]);
  }
  return [...groups]
    .map(([id, contacts]) => ({ id, figures: figuresOf(contacts) }))
    .sort((a, b) => b.figures.contacts - a.figures.contacts || compareIds(a.id, b.id));
}

/** Code-point order, null last. */
function compareIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function refRelevanceByCampaign(
  events: readonly RefEvent[],
  query: RefQuery,
): RelevanceByCampaignRow[] {
  return groupedBy(events, query, (send) => send.campaignId).map(({ id, figures }) => ({
    campaignId: id,
    ...figures,
  }));
}

export function refRelevanceByTopic(events: readonly RefEvent[], query: RefQuery): RelevanceByTopicRow[] {
  return groupedBy(events, query, (send) => send.topic).map(({ id, figures }) => ({ topic: id, ...figures }));
}

export function refRelevanceDistribution(
  events: readonly RefEvent[],
  query: RefQuery,
): RelevanceDistribution {
  const scores = scoredContacts(events, query).flatMap((c) => (c.relevance === null ? [] : [c.relevance]));
  return {
    scoredContacts: scores.length,
    bands: RELEVANCE_BANDS.map((band) => {
      const count = scores.filter(
        (score) => score >= band.lower && (score < band.upper || band.upper === 100),
      ).length;
      return {
        band: band.id,
        label: band.label,
        lower: band.lower,
        upper: band.upper,
        scoredContacts: count,
        share: rate(count, scores.length),
      };
    }),
  };
}

export function refRelevanceCalibration(events: readonly RefEvent[], query: RefQuery): RelevanceCalibration {
  const contacts = scoredContacts(events, query);
  const withTopic = contacts.filter((c) => c.send.topic !== null);
  const row = (band: string, label: string, members: RefContact[]) => {
    const engaged = members.filter((c) => c.engaged).length;
    return {
      band,
      label,
      contacts: members.length,
      engagedContacts: engaged,
      clickRate: rate(engaged, members.length),
    };
  };
  return {
    rows: [
      ...RELEVANCE_BANDS.map((band, index) =>
        row(
          band.id,
          band.label,
          withTopic.filter((c) => c.relevance !== null && relevanceBandIndex(c.relevance) === index),
        ),
      ),
      row(
        "none",
        "no signal",
        withTopic.filter((c) => c.relevance === null),
      ),
    ],
    contactsWithoutTopic: contacts.length - withTopic.length,
  };
}

export function refSendVsWant(events: readonly RefEvent[], query: RefQuery): SendVsWant {
  const sends = new Map<string, number>();
  let contactsWithoutTopic = 0;
  for (const send of contactsIn(events, query)) {
    if (send.topic === null) contactsWithoutTopic += 1;
    else sends.set(send.topic, (sends.get(send.topic) ?? 0) + 1);
  }
  const wants = new Map<string, number>();
  for (const signal of events) {
    const weight = WEIGHTS[signal.type];
    if (weight === undefined || !inWindow(signal.ts, query) || !inSegment(signal.customerId, query)) continue;
    for (const topic of topicsOf(signal)) wants.set(topic, (wants.get(topic) ?? 0) + weight);
  }
  const contactsWithTopic = [...sends.values()].reduce((sum, n) => sum + n, 0);
  const totalSignalWeight = [...wants.values()].reduce((sum, n) => sum + n, 0);
  const topics = [...new Set([...sends.keys(), ...wants.keys()])]
    .map((topic) => ({
      topic,
      contacts: sends.get(topic) ?? 0,
      sendShare: rate(sends.get(topic) ?? 0, contactsWithTopic),
      signalWeight: wants.get(topic) ?? 0,
      wantShare: rate(wants.get(topic) ?? 0, totalSignalWeight),
    }))
    .sort(
      (a, b) => b.contacts - a.contacts || b.signalWeight - a.signalWeight || compareIds(a.topic, b.topic),
    );
  let gap = 0;
  for (const row of topics) gap += Math.abs((row.sendShare ?? 0) - (row.wantShare ?? 0));
  return {
    contactsWithTopic,
    contactsWithoutTopic,
    totalSignalWeight,
    gapIndex: contactsWithTopic === 0 || totalSignalWeight === 0 ? null : 50 * gap,
    topics,
  };
}

/** The preferences_updated in force at t: the latest strictly before t (ties: greater topics, then maxPerWeek). */
function statedAt(preferences: readonly RefEvent[], t: number): RefEvent | null {
  let inForce: RefEvent | null = null;
  for (const p of preferences) {
    if (p.ts >= t) continue;
    if (!inForce || p.ts > inForce.ts) inForce = p;
    else if (p.ts === inForce.ts) {
      const [a, b] = [p.topics.join(","), inForce.topics.join(",")];
      if (a > b || (a === b && (p.maxPerWeek ?? 0) > (inForce.maxPerWeek ?? 0))) inForce = p;
    }
  }
  return inForce;
}

function preferencesByCustomer(events: readonly RefEvent[]): Map<string, RefEvent[]> {
  const byCustomer = new Map<string, RefEvent[]>();
  for (const e of events) {
    if (e.type !== "preferences_updated") continue;
    byCustomer.set(e.customerId, [...(byCustomer.get(e.customerId) ?? []), e]);
  }
  return byCustomer;
}

/** Per contacted customer: contacts, per week, the last contact and the maxPerWeek then in force. */
function contactedCustomers(events: readonly RefEvent[], query: RefQuery) {
  const preferences = preferencesByCustomer(events);
  const byCustomer = new Map<string, RefEvent[]>();
  for (const send of contactsIn(events, query)) {
    byCustomer.set(send.customerId, [...(byCustomer.get(send.customerId) ?? []), send]);
  }
  return [...byCustomer].map(([customerId, sends]) => {
    const last = Math.max(...sends.map((s) => s.ts));
    const stated = statedAt(preferences.get(customerId) ?? [], last);
    return {
      customerId,
      contacts: sends.length,
      perWeek: sends.length / weeksOf(query),
      last,
      max: stated?.maxPerWeek ?? null,
    };
  });
}

export function refStatedVsActual(events: readonly RefEvent[], query: RefQuery): StatedVsActual {
  const preferences = preferencesByCustomer(events);
  let stated = 0;
  let off = 0;
  for (const send of contactsIn(events, query)) {
    if (send.topic === null) continue;
    const topics = statedAt(preferences.get(send.customerId) ?? [], send.ts)?.topics ?? [];
    if (topics.length === 0) continue;
    stated += 1;
    if (!topics.includes(send.topic)) off += 1;
  }
  const customers = contactedCustomers(events, query);
  const withMax = customers.filter((c) => c.max !== null);
  const exceeding = withMax.filter((c) => c.perWeek > (c.max as number));
  return {
    contactsWithStatedTopics: stated,
    offPreferenceContacts: off,
    offPreferenceShare: rate(off, stated),
    contactedCustomers: customers.length,
    customersWithStatedMax: withMax.length,
    customersExceeding: exceeding.length,
    exceedingShare: rate(exceeding.length, withMax.length),
  };
}

/** All customers of refStatedVsActual (b), most over first (per week / max), then by id. */
export function refStatedVsActualCustomers(
  events: readonly RefEvent[],
  query: RefQuery,
): StatedVsActualCustomer[] {
  return contactedCustomers(events, query)
    .filter((c) => c.max !== null && c.perWeek > c.max)
    .sort(
      (a, b) =>
        b.perWeek / (b.max as number) - a.perWeek / (a.max as number) ||
        compareIds(a.customerId, b.customerId),
    )
    .map((c) => ({
      customerId: c.customerId,
      contacts: c.contacts,
      contactsPerWeek: c.perWeek,
      statedMaxPerWeek: c.max as number,
      lastContactAt: new Date(c.last).toISOString(),
    }));
}
