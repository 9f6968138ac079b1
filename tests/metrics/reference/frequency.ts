import { CHANNELS } from "@/lib/events/enums";
import {
  type BucketCustomers,
  type ContactAfterOptOutRow,
  type ContactPressureHeatmap,
  type ContactsAfterOptOut,
  type ContactsAfterOptOutList,
  type FatiguePoint,
  type FrequencyBreakdown,
  type FrequencyDistribution,
  OPT_OUT_DELAY_BINS,
  type OverContacted,
  type SaturationBucket,
  type SaturationCurve,
  type SilentCustomerList,
  type SilentCustomers,
} from "@/lib/metrics/frequency";
import { FREQUENCY_BUCKETS, type FrequencyBucketId } from "@/lib/metrics/frequency-buckets";

import {
  clicksByPair,
  contactsIn,
  DAY,
  inWindow,
  isEngaged,
  median,
  rate,
  type RefEvent,
  type RefQuery,
  WEEK,
  weeksOf,
} from "./events";

/**
 * Reference implementation of METRICS.md §1 (contact frequency and saturation), written from
 * the definitions over the in-memory events. Events are in storage order (by id), which is the
 * list order's tie-break; a row's `eventId` here is the event's key.
 */


/**
 * Bucket of n contacts over `span` ms, per week of `week` ms: rate = n / (span / week) in
 * (lower, upper], decided on exact integers (n · week against bound · span), not on a rounded
 * float rate.
 */
function bucketOf(n: number, span: number, week = WEEK): FrequencyBucketId {
  const found = FREQUENCY_BUCKETS.find(
    (b) => n * week > b.lower * span && (b.upper === null || n * week <= b.upper * span),
  );
  if (!found) throw new Error(`no bucket for ${n} in ${span}`);
  return found.id;
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

function bucketRows(counts: readonly number[], span: number, week = WEEK): BucketCustomers[] {
  return FREQUENCY_BUCKETS.map((b) => {
    const customers = counts.filter((n) => bucketOf(n, span, week) === b.id).length;
    return { bucket: b.id, customers, share: rate(customers, counts.length) };
  });
}

function breakdown(contacts: readonly RefEvent[], query: RefQuery): FrequencyBreakdown {
  const weeks = weeksOf(query);
  const counts = [...countBy(contacts, (c) => c.customerId).values()].map((list) => list.length);
  const perCustomer = counts.map((n) => n / weeks);
  return {
    contacts: contacts.length,
    contactedCustomers: perCustomer.length,
    medianPerWeek: median(perCustomer),
    meanPerWeek:
      perCustomer.length === 0 ? null : perCustomer.reduce((a, b) => a + b, 0) / perCustomer.length,
    buckets: bucketRows(counts, query.to - query.from),
  };
}

export function refFrequencyDistribution(
  events: readonly RefEvent[],
  query: RefQuery,
): FrequencyDistribution {
  const weeks = weeksOf(query);
  const contacts = contactsIn(events, query);
  const channels = CHANNELS.filter((ch) => contacts.some((c) => c.channel === ch)).map((channel) => ({
    channel,
    ...breakdown(
      contacts.filter((c) => c.channel === channel),
      query,
    ),
  }));
  return { weeks, total: breakdown(contacts, query), channels };
}

export function refSaturationCurve(events: readonly RefEvent[], query: RefQuery): SaturationCurve {
  const weeks = weeksOf(query);
  const clicks = clicksByPair(events);
  const byCustomer = countBy(contactsIn(events, query), (c) => c.customerId);
  const negativeIn = (type: string) =>
    new Set(events.filter((e) => e.type === type && inWindow(e.ts, query)).map((e) => e.customerId));
  const unsubscribed = negativeIn("unsubscribed");
  const complained = negativeIn("complained");
  const buckets = FREQUENCY_BUCKETS.map((b): SaturationBucket => {
    const members = [...byCustomer].filter(
      ([, list]) => bucketOf(list.length, query.to - query.from) === b.id,
    );
    const contacts = members.reduce((sum, [, list]) => sum + list.length, 0);
    const engagedContacts = members.reduce(
      (sum, [, list]) => sum + list.filter((c) => isEngaged(c, clicks)).length,
      0,
    );
    const unsub = members.filter(([id]) => unsubscribed.has(id)).length;
    const compl = members.filter(([id]) => complained.has(id)).length;
    return {
      bucket: b.id,
      customers: members.length,
      contacts,
      engagedContacts,
      clickRate: rate(engagedContacts, contacts),
      unsubscribedCustomers: unsub,
      unsubscribeShare: rate(unsub, members.length),
      complainedCustomers: compl,
      complaintShare: rate(compl, members.length),
    };
  });
  return { weeks, buckets, fatiguePoint: fatiguePointOf(buckets) };
}

/** METRICS.md rule, compared on exact fractions (integers cross-multiplied). */
function fatiguePointOf(buckets: readonly SaturationBucket[]): FatiguePoint | null {
  const base = buckets[0];
  if (base.customers === 0) return null;
  for (let i = 1; i < buckets.length; i++) {
    const b = buckets[i];
    if (b.customers === 0) continue;
    const reasons: FatiguePoint["reasons"] = [];
    // e/c < (be/bc)/2  ⇔  2·e·bc < be·c
    if (2 * b.engagedContacts * base.contacts < base.engagedContacts * b.contacts) reasons.push("clickRate");
    // u/n > 2·bu/bn  ⇔  u·bn > 2·bu·n
    if (b.unsubscribedCustomers * base.customers > 2 * base.unsubscribedCustomers * b.customers)
      reasons.push("unsubscribeShare");
    if (reasons.length)
      return { bucket: b.bucket, recommendedWeeklyCap: FREQUENCY_BUCKETS[i].lower, reasons };
  }
  return null;
}

export function refOverContacted(events: readonly RefEvent[], query: RefQuery): OverContacted {
  const weeks = weeksOf(query);
  const cap = query.frequencyCap ?? 3;
  const counts = [...countBy(contactsIn(events, query), (c) => c.customerId).values()].map((l) => l.length);
  const over = counts.filter((n) => n * WEEK > cap * (query.to - query.from)).length;
  return {
    weeks,
    cap,
    contactedCustomers: counts.length,
    overContactedCustomers: over,
    share: rate(over, counts.length),
  };
}

const OPT_OUTS = new Set(["unsubscribed", "complained", "consent_withdrawn"]);
const CONSENT = new Set([...OPT_OUTS, "consent_granted"]);

/** The time of the opt-out in force at the send, or null when the send was allowed. */
function optOutInForce(send: RefEvent, consents: readonly RefEvent[]): number | null {
  const before = consents.filter((e) => e.ts < send.ts && (e.channel === null || e.channel === send.channel));
  if (before.length === 0) return null;
  const latest = Math.max(...before.map((e) => e.ts));
  return before.some((e) => e.ts === latest && OPT_OUTS.has(e.type)) ? latest : null;
}

interface Violation {
  send: RefEvent;
  index: number;
  optedOutAt: number;
}

function violations(events: readonly RefEvent[], query: RefQuery): Violation[] {
  const consents = countBy(
    events.filter((e) => CONSENT.has(e.type)),
    (e) => e.customerId,
  );
  const index = new Map(events.map((e, i) => [e, i]));
  return contactsIn(events, query).flatMap((send) => {
    const optedOutAt = optOutInForce(send, consents.get(send.customerId) ?? []);
    return optedOutAt === null ? [] : [{ send, index: index.get(send) ?? 0, optedOutAt }];
  });
}

const countOf = (list: readonly Violation[]) => ({
  contacts: list.length,
  customers: new Set(list.map((v) => v.send.customerId)).size,
});

export function refContactsAfterOptOut(events: readonly RefEvent[], query: RefQuery): ContactsAfterOptOut {
  const found = violations(events, query);
  const delays = found.map((v) => (v.send.ts - v.optedOutAt) / DAY);
  const byChannel = [...CHANNELS, null]
    .map((channel) => ({ channel, ...countOf(found.filter((v) => v.send.channel === channel)) }))
    .filter((row) => row.contacts > 0);
  const byCampaign = [...countBy(found, (v) => JSON.stringify(v.send.campaignId))]
    .map(([key, list]) => ({ campaignId: JSON.parse(key) as string | null, ...countOf(list) }))
    .sort((a, b) => {
      if (a.contacts !== b.contacts) return b.contacts - a.contacts;
      if (a.campaignId === null || b.campaignId === null)
        return (a.campaignId === null ? 1 : 0) - (b.campaignId === null ? 1 : 0);
      return a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0;
    });
  return {
    ...countOf(found),
    byChannel,
    byCampaign,
    delay: {
      medianDays: median(delays),
      maxDays: delays.length === 0 ? null : Math.max(...delays),
      bins: OPT_OUT_DELAY_BINS.map((bin) => ({
        bin: bin.id,
        contacts: delays.filter((d) => d >= bin.lowerDays && (bin.upperDays === null || d < bin.upperDays))
          .length,
      })),
    },
  };
}

export function refListContactsAfterOptOut(
  events: readonly RefEvent[],
  query: RefQuery,
  page: { limit: number; offset: number },
): ContactsAfterOptOutList {
  const found = violations(events, query).sort((a, b) => b.send.ts - a.send.ts || a.index - b.index);
  const rows = found.slice(page.offset, page.offset + page.limit).map((v): ContactAfterOptOutRow => ({
    eventId: v.send.key,
    customerId: v.send.customerId,
    sentAt: new Date(v.send.ts).toISOString(),
    channel: v.send.channel,
    campaignId: v.send.campaignId,
    messageId: v.send.messageId,
    optedOutAt: new Date(v.optedOutAt).toISOString(),
    delayDays: (v.send.ts - v.optedOutAt) / DAY,
  }));
  return { total: found.length, rows };
}

function silentOf(events: readonly RefEvent[], query: RefQuery) {
  const clicks = clicksByPair(events);
  const byCustomer = [...countBy(contactsIn(events, query), (c) => c.customerId)];
  const silent = byCustomer.filter(([, list]) => list.length >= 8 && !list.some((c) => isEngaged(c, clicks)));
  return { contacted: byCustomer.length, silent };
}

export function refSilentCustomers(events: readonly RefEvent[], query: RefQuery): SilentCustomers {
  const { contacted, silent } = silentOf(events, query);
  return {
    silentCustomers: silent.length,
    contactedCustomers: contacted,
    share: rate(silent.length, contacted),
  };
}

export function refListSilentCustomers(
  events: readonly RefEvent[],
  query: RefQuery,
  page: { limit: number; offset: number },
): SilentCustomerList {
  const { silent } = silentOf(events, query);
  const weeks = weeksOf(query);
  const rows = silent
    .map(([customerId, list]) => ({ customerId, contacts: list.length, perWeek: list.length / weeks }))
    .sort(
      (a, b) =>
        b.contacts - a.contacts || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
    );
  return { total: rows.length, rows: rows.slice(page.offset, page.offset + page.limit) };
}

// --- Calendar weeks in a time zone, from Intl (independent of the engine's date-fns) ---

function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant of local midnight starting the civil day (y, m, d) in the zone. */
function localMidnight(civilDayUtc: number, timeZone: string): number {
  let instant = civilDayUtc - offsetAt(civilDayUtc, timeZone);
  instant = civilDayUtc - offsetAt(instant, timeZone);
  return instant;
}

/** The civil date (as a UTC-midnight number) of an instant in the zone. */
function civilDay(instant: number, timeZone: string): number {
  const local = instant + offsetAt(instant, timeZone);
  return local - (((local % DAY) + DAY) % DAY);
}

function isoWeekLabel(mondayCivil: number): string {
  const thursday = new Date(mondayCivil + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(year, 0, 1)) / DAY;
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, "0")}`;
}

export function refContactPressureHeatmap(
  events: readonly RefEvent[],
  query: RefQuery,
): ContactPressureHeatmap {
  const timeZone = query.timeZone ?? "UTC";
  const contacts = contactsIn(events, query);
  const first = civilDay(query.from, timeZone);
  const weekday = (new Date(first).getUTCDay() + 6) % 7; // Monday 0
  const weeks: ContactPressureHeatmap["weeks"] = [];
  for (let monday = first - weekday * DAY; ; monday += 7 * DAY) {
    const start = localMidnight(monday, timeZone);
    if (start >= query.to) break;
    const end = localMidnight(monday + 7 * DAY, timeZone);
    const from = Math.max(start, query.from);
    const to = Math.min(end, query.to);
    const fraction = (to - from) / (end - start);
    const counts = [
      ...countBy(
        contacts.filter((c) => c.ts >= from && c.ts < to),
        (c) => c.customerId,
      ).values(),
    ].map((list) => list.length);
    weeks.push({
      isoWeek: isoWeekLabel(monday),
      weekStart: new Date(start).toISOString(),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      fraction,
      contactedCustomers: counts.length,
      // contacts that week / fraction = contacts / ((to − from) / week length)
      buckets: bucketRows(counts, to - from, end - start),
    });
  }
  return { timeZone, weeks };
}
