import { TZDate } from "@date-fns/tz";

import { FREQUENCY_BUCKETS, frequencyBucketOf } from "@/lib/metrics/frequency-buckets";
import type {
  Cohort,
  CohortTable,
  LoyaltyByPressure,
  LoyaltyFigures,
  LoyaltyIndex,
  LoyaltySummary,
  LoyaltyTrend,
} from "@/lib/metrics/loyalty";

import {
  clicksByPair,
  contactsIn,
  DAY,
  inSegment,
  isEngaged,
  median,
  rate,
  type RefEvent,
  type RefQuery,
  roundHalfAway,
} from "./events";

/**
 * Loyalty health (METRICS.md §4) over an in-memory event list, written from the definitions.
 * `query.from`/`query.to` is the loyalty window; 90- and 28-day figures end at `query.to`.
 */

const WEIGHTS = { product_viewed: 1, message_clicked: 2, cart_added: 3, purchased: 5 } as const;

/** Purchase times of each segment customer, ascending, before `before`. */
function purchasesBy(events: readonly RefEvent[], query: RefQuery, before: number): Map<string, number[]> {
  const byCustomer = new Map<string, number[]>();
  for (const e of events) {
    if (e.type !== "purchased" || e.ts >= before || !inSegment(e.customerId, query)) continue;
    byCustomer.set(e.customerId, [...(byCustomer.get(e.customerId) ?? []), e.ts]);
  }
  for (const times of byCustomer.values()) times.sort((a, b) => a - b);
  return byCustomer;
}

/** At risk at `t`: ≥ 2 purchases before t, and t − last > max(60 days, 2 × median gap). */
function riskAt(times: readonly number[], t: number): "none" | "ok" | "atRisk" {
  const before = times.filter((ts) => ts < t);
  if (before.length < 2) return "none";
  const gaps = before.slice(1).map((ts, i) => ts - before[i]);
  const threshold = Math.max(60 * DAY, 2 * (median(gaps) as number));
  return t - before[before.length - 1] > threshold ? "atRisk" : "ok";
}

/** Relevance of a contact (METRICS.md §2), or null: no topic, or no signal in the 90 days before. */
function relevanceOf(send: RefEvent, signals: readonly RefEvent[]): number | null {
  if (send.topic === null) return null;
  const interest = new Map<string, number>();
  for (const s of signals) {
    if (s.customerId !== send.customerId || s.ts >= send.ts || s.ts < send.ts - 90 * DAY) continue;
    const weight = WEIGHTS[s.type as keyof typeof WEIGHTS];
    const topics = new Set([...s.topics, ...(s.topic === null ? [] : [s.topic])]);
    for (const topic of topics) {
      interest.set(topic, (interest.get(topic) ?? 0) + weight * 0.5 ** ((send.ts - s.ts) / DAY / 30));
    }
  }
  if (interest.size === 0) return null;
  return roundHalfAway((100 * (interest.get(send.topic) ?? 0)) / Math.max(...interest.values()));
}

function index(parts: [number, number | null][]): LoyaltyIndex {
  const ids = ["repeatPurchaseRate", "notAtRisk", "engagedShare", "notOverContacted", "relevance"] as const;
  const present = parts.filter(([, value]) => value !== null);
  const total = present.reduce((sum, [weight]) => sum + weight, 0);
  return {
    value:
      present.length === 0 ? null : (100 * present.reduce((s, [w, v]) => s + w * (v as number), 0)) / total,
    partial: present.length < parts.length,
    components: parts.map(([weight, value], i) => ({
      id: ids[i],
      weight,
      value,
      appliedWeight: value === null ? 0 : weight / total,
    })),
  };
}

export function referenceLoyaltyFigures(events: readonly RefEvent[], query: RefQuery): LoyaltyFigures {
  const t = query.to;
  const purchases = purchasesBy(events, query, t);
  let purchasers = 0;
  let repeatPurchasers = 0;
  let activeCustomers = 0;
  let repeatCustomers = 0;
  let atRiskCustomers = 0;
  for (const times of purchases.values()) {
    const inWindow = times.filter((ts) => ts >= query.from).length;
    if (inWindow >= 1) purchasers += 1;
    if (inWindow >= 2) repeatPurchasers += 1;
    if (times.some((ts) => ts >= t - 90 * DAY)) activeCustomers += 1;
    const risk = riskAt(times, t);
    if (risk !== "none") repeatCustomers += 1;
    if (risk === "atRisk") atRiskCustomers += 1;
  }

  const clicks = clicksByPair(events);
  const contacts90 = contactsIn(events, { ...query, from: t - 90 * DAY, to: t });
  const contacted90 = new Set(contacts90.map((e) => e.customerId));
  const engaged90 = new Set(contacts90.filter((e) => isEngaged(e, clicks)).map((e) => e.customerId));

  const contacts28 = contactsIn(events, { ...query, from: t - 28 * DAY, to: t });
  const perCustomer = new Map<string, number>();
  for (const e of contacts28) perCustomer.set(e.customerId, (perCustomer.get(e.customerId) ?? 0) + 1);
  const cap = query.frequencyCap ?? 3;
  const overContacted = [...perCustomer.values()].filter((count) => count / 4 > cap).length;
  const signals = events.filter((e) => e.type in WEIGHTS);
  const scores = contacts28.map((e) => relevanceOf(e, signals)).filter((r) => r !== null);

  const repeatPurchaseRate = rate(repeatPurchasers, purchasers);
  const atRiskShare = rate(atRiskCustomers, repeatCustomers);
  const engagedShare = rate(engaged90.size, contacted90.size);
  const overContactedShare = rate(overContacted, perCustomer.size);
  const meanRelevance = rate(
    scores.reduce((sum, r) => sum + r, 0),
    scores.length,
  );
  return {
    from: new Date(query.from).toISOString(),
    to: new Date(t).toISOString(),
    purchasers,
    repeatPurchasers,
    repeatPurchaseRate,
    activeCustomers,
    repeatCustomers,
    atRiskCustomers,
    atRiskShare,
    contactedCustomers90d: contacted90.size,
    engagedCustomers90d: engaged90.size,
    engagedShare,
    contactedCustomers28d: perCustomer.size,
    overContactedCustomers: overContacted,
    overContactedShare,
    contacts28d: contacts28.length,
    scoredContacts28d: scores.length,
    meanRelevance,
    index: index([
      [0.3, repeatPurchaseRate],
      [0.2, atRiskShare === null ? null : 1 - atRiskShare],
      [0.2, engagedShare],
      [0.15, overContactedShare === null ? null : 1 - overContactedShare],
      [0.15, meanRelevance === null ? null : meanRelevance / 100],
    ]),
  };
}

export function referenceLoyaltySummary(events: readonly RefEvent[], query: RefQuery): LoyaltySummary {
  const length = query.to - query.from;
  const current = referenceLoyaltyFigures(events, query);
  const previous = referenceLoyaltyFigures(events, { ...query, from: query.from - length, to: query.from });
  const change =
    current.index.value === null || previous.index.value === null
      ? null
      : current.index.value - previous.index.value;
  return { frequencyCap: query.frequencyCap ?? 3, current, previous, indexChange: change };
}

/** Year and month (0-based) of an instant in a zone. */
function localMonth(ts: number, timeZone: string): [number, number] {
  const local = new TZDate(ts, timeZone);
  return [local.getFullYear(), local.getMonth()];
}
/** The instant a month (running number year * 12 + month) begins in a zone. */
const monthStart = (n: number, timeZone: string) =>
  new TZDate(Math.floor(n / 12), n % 12, 1, timeZone).getTime();
const label = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;

export function referenceCohorts(events: readonly RefEvent[], query: RefQuery): CohortTable {
  const timeZone = query.timeZone ?? "UTC";
  const purchases = purchasesBy(events, query, query.to);
  // Months as a running number year * 12 + month.
  const monthsOf = new Map<string, Set<number>>();
  for (const [customer, times] of purchases) {
    monthsOf.set(customer, new Set(times.map((ts) => localMonth(ts, timeZone)).map(([y, m]) => y * 12 + m)));
  }
  const [fy, fm] = localMonth(query.from, timeZone);
  const cohorts: Cohort[] = [];
  for (let n = fy * 12 + fm; monthStart(n, timeZone) < query.to; n++) {
    const start = monthStart(n, timeZone);
    if (start < query.from) continue;
    const members = [...monthsOf.values()].filter((months) => Math.min(...months) === n);
    cohorts.push({
      month: label(n),
      start: new Date(start).toISOString(),
      size: members.length,
      retention: Array.from({ length: 12 }, (_, i) => {
        const k = i + 1;
        const begins = monthStart(n + k, timeZone);
        const reported = begins < query.to;
        const retained = reported ? members.filter((months) => months.has(n + k)).length : null;
        return {
          offset: k,
          month: label(n + k),
          retained,
          retention: retained === null ? null : rate(retained, members.length),
          partial: reported && monthStart(n + k + 1, timeZone) > query.to,
        };
      }),
    });
  }
  return { timeZone, cohorts };
}

export function referenceLoyaltyTrend(events: readonly RefEvent[], query: RefQuery): LoyaltyTrend {
  const timeZone = query.timeZone ?? "UTC";
  const [y, m] = localMonth(query.to - 1, timeZone);
  const points = Array.from({ length: 12 }, (_, i) => {
    const n = y * 12 + m - 11 + i;
    const end = i === 11 ? query.to : monthStart(n + 1, timeZone);
    return {
      month: label(n),
      ...referenceLoyaltyFigures(events, { ...query, from: end - 365 * DAY, to: end }),
    };
  });
  return { timeZone, frequencyCap: query.frequencyCap ?? 3, points };
}

export function referenceLoyaltyByPressure(events: readonly RefEvent[], query: RefQuery): LoyaltyByPressure {
  const from28 = query.to - 28 * DAY;
  const counts = new Map<string, number>();
  for (const e of contactsIn(events, { ...query, from: from28 })) {
    counts.set(e.customerId, (counts.get(e.customerId) ?? 0) + 1);
  }
  const unsubscribed = new Set(
    events
      .filter((e) => e.type === "unsubscribed" && e.ts >= from28 && e.ts < query.to)
      .map((e) => e.customerId),
  );
  const purchases = purchasesBy(events, query, query.to);
  return {
    pressureFrom: new Date(from28).toISOString(),
    pressureTo: new Date(query.to).toISOString(),
    buckets: FREQUENCY_BUCKETS.map(({ id }) => {
      const members = [...counts].filter(([, n]) => frequencyBucketOf(n / 4) === id).map(([c]) => c);
      const times = members.map((c) => purchases.get(c) ?? []);
      const inWindow = times.map((ts) => ts.filter((x) => x >= query.from).length);
      const risks = times.map((ts) => riskAt(ts, query.to));
      const purchasers = inWindow.filter((n) => n >= 1).length;
      const repeatPurchasers = inWindow.filter((n) => n >= 2).length;
      const repeatCustomers = risks.filter((r) => r !== "none").length;
      const atRiskCustomers = risks.filter((r) => r === "atRisk").length;
      const unsubscribedCustomers = members.filter((c) => unsubscribed.has(c)).length;
      return {
        bucket: id,
        customers: members.length,
        purchasers,
        repeatPurchasers,
        repeatPurchaseRate: rate(repeatPurchasers, purchasers),
        repeatCustomers,
        atRiskCustomers,
        atRiskShare: rate(atRiskCustomers, repeatCustomers),
        unsubscribedCustomers,
        unsubscribeShare: rate(unsubscribedCustomers, members.length),
      };
    }),
  };
}
