import { CHANNELS, EVENT_TYPES } from "@/lib/events/enums";
import {
  type CustomerList,
  type FunnelResult,
  type FunnelStep,
  type LifecycleChecks,
  type NotLetGoCustomer,
  type NotWelcomedCustomer,
  PATH_END,
  PATH_OTHER,
  type PathEvent,
  type PathLink,
  type PathNode,
  type PathsResult,
} from "@/lib/metrics/journeys";

import {
  DAY,
  HOUR,
  inSegment,
  inWindow,
  isContact,
  median,
  rate,
  type RefEvent,
  type RefQuery,
} from "./events";

/**
 * Reference implementation of METRICS.md §3 (journeys), written from the definitions and
 * docs/metrics.md (Journeys), not from the SQL.
 */

const byTimeThenKey = (a: RefEvent, b: RefEvent) => a.ts - b.ts || compare(a.key, b.key);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupByCustomer(events: readonly RefEvent[]): Map<string, RefEvent[]> {
  const byCustomer = new Map<string, RefEvent[]>();
  for (const e of events) byCustomer.set(e.customerId, [...(byCustomer.get(e.customerId) ?? []), e]);
  return byCustomer;
}

// --- Funnel -------------------------------------------------------------------------------

function matchesStep(e: RefEvent, step: FunnelStep, query: RefQuery): boolean {
  if (e.type !== step.type) return false;
  if (step.channel && e.channel !== step.channel) return false;
  if (query.channel && e.type === "message_sent" && e.channel !== query.channel) return false;
  if (step.topic && e.topic !== step.topic && !e.topics.includes(step.topic)) return false;
  if (step.messageKind && (e.messageKind ?? "promotional") !== step.messageKind) return false;
  return true;
}

export function refFunnel(
  events: readonly RefEvent[],
  query: RefQuery,
  steps: FunnelStep[],
  conversionWindowDays = 14,
): FunnelResult {
  const window = conversionWindowDays * DAY;
  const reached = steps.map(() => 0);
  const gaps: number[][] = steps.map(() => []);
  for (const [customer, own] of groupByCustomer(events)) {
    if (!inSegment(customer, query)) continue;
    const sorted = [...own].sort(byTimeThenKey);
    const entry = sorted.find((e) => inWindow(e.ts, query) && matchesStep(e, steps[0], query));
    if (!entry) continue;
    reached[0] += 1;
    const used = new Set<RefEvent>([entry]);
    let previous = entry;
    for (let k = 1; k < steps.length; k++) {
      const next = sorted.find(
        (e) =>
          !used.has(e) && e.ts >= previous.ts && e.ts < entry.ts + window && matchesStep(e, steps[k], query),
      );
      if (!next) break;
      reached[k] += 1;
      gaps[k].push((next.ts - previous.ts) / 1000);
      used.add(next);
      previous = next;
    }
  }
  return {
    conversionWindowDays,
    steps: steps.map((definition, k) => ({
      step: k + 1,
      definition,
      customers: reached[k],
      conversionFromFirst: rate(reached[k], reached[0]),
      conversionFromPrevious: k === 0 ? null : rate(reached[k], reached[k - 1]),
      medianSecondsFromPrevious: k === 0 ? null : median(gaps[k]),
    })),
  };
}

// --- Paths --------------------------------------------------------------------------------

const MESSAGE_TYPES = new Set([
  "message_sent",
  "message_delivered",
  "message_bounced",
  "message_opened",
  "message_clicked",
]);

/** At one instant: event types in contract order, then (message events) channels in contract order. */
const instantOrder = (e: RefEvent) =>
  EVENT_TYPES.indexOf(e.type) * 100 +
  (MESSAGE_TYPES.has(e.type) && e.channel ? CHANNELS.indexOf(e.channel) : 99);

const labelOf = (e: RefEvent) =>
  MESSAGE_TYPES.has(e.type) && e.channel ? `${e.channel} · ${e.type}` : e.type;

export interface RefPathOptions {
  anchor: "start" | "end";
  event?: PathEvent;
  depth?: number;
  types?: readonly string[];
}

export function refPaths(events: readonly RefEvent[], query: RefQuery, options: RefPathOptions): PathsResult {
  const depth = options.depth ?? 5;
  const isAnchor = (e: RefEvent) =>
    !options.event ||
    (e.type === options.event.type && (!options.event.channel || e.channel === options.event.channel));
  const paths: { first: number; labels: string[] }[] = [];
  for (const [customer, own] of groupByCustomer(events)) {
    if (!inSegment(customer, query)) continue;
    const kept = own
      .filter((e) => inWindow(e.ts, query))
      .filter((e) => !options.types || options.types.includes(e.type))
      .filter((e) => !query.channel || e.type !== "message_sent" || e.channel === query.channel)
      .map((e) => ({ e, label: labelOf(e) }))
      .sort((a, b) => a.e.ts - b.e.ts || instantOrder(a.e) - instantOrder(b.e));
    // Collapse runs of equal labels; a run holds an anchor when any of its events is one.
    const runs: { label: string; anchor: boolean }[] = [];
    for (const { e, label } of kept) {
      const last = runs[runs.length - 1];
      if (last && last.label === label) last.anchor ||= isAnchor(e);
      else runs.push({ label, anchor: isAnchor(e) });
    }
    const at = runs.findIndex((run) => run.anchor);
    if (at < 0) continue;
    if (options.anchor === "start") {
      const labels = runs.slice(at, at + depth + 1).map((run) => run.label);
      if (at + depth + 1 >= runs.length) labels.push(PATH_END);
      paths.push({ first: 1, labels });
    } else {
      const begin = Math.max(0, at - depth);
      paths.push({
        first: depth + 1 - (at - begin),
        labels: runs.slice(begin, at + 1).map((run) => run.label),
      });
    }
  }

  // Per step: customers by label; the 12 biggest (ties by label) kept, (end) always kept.
  const counts = new Map<number, Map<string, number>>();
  for (const path of paths) {
    path.labels.forEach((label, i) => {
      const step = path.first + i;
      const perStep = counts.get(step) ?? new Map<string, number>();
      perStep.set(label, (perStep.get(label) ?? 0) + 1);
      counts.set(step, perStep);
    });
  }
  const keptLabels = new Map<number, Set<string>>();
  for (const [step, perStep] of counts) {
    const ranked = [...perStep]
      .filter(([label]) => label !== PATH_END)
      .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
      .slice(0, 12)
      .map(([label]) => label);
    keptLabels.set(step, new Set([...ranked, PATH_END]));
  }
  const shown = (step: number, label: string) => (keptLabels.get(step)?.has(label) ? label : PATH_OTHER);

  const nodes = new Map<string, PathNode>();
  const links = new Map<string, PathLink>();
  for (const path of paths) {
    path.labels.forEach((raw, i) => {
      const step = path.first + i;
      const label = shown(step, raw);
      const node = nodes.get(`${step}|${label}`) ?? { step, label, customers: 0 };
      node.customers += 1;
      nodes.set(`${step}|${label}`, node);
      if (i + 1 < path.labels.length) {
        const target = shown(step + 1, path.labels[i + 1]);
        const id = `${step}|${label}|${target}`;
        const link = links.get(id) ?? { step, source: label, target, customers: 0 };
        link.customers += 1;
        links.set(id, link);
      }
    });
  }
  return {
    anchor: options.anchor,
    depth,
    customers: paths.length,
    nodes: [...nodes.values()].sort(
      (a, b) => a.step - b.step || b.customers - a.customers || compare(a.label, b.label),
    ),
    links: [...links.values()].sort(
      (a, b) =>
        a.step - b.step ||
        b.customers - a.customers ||
        compare(a.source, b.source) ||
        compare(a.target, b.target),
    ),
  };
}

// --- Lifecycle checks ---------------------------------------------------------------------

/** Milliseconds of `instant` ahead of UTC in `timeZone`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (
    Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - instant
  );
}

/** The instant of midnight starting `date` (YYYY-MM-DD) in `timeZone`. */
function midnight(date: string, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}

interface Joined {
  customerId: string;
  joined: number;
  firstSeen: number;
  signupDate: string | null;
  welcomed: boolean;
}

function joinedInWindow(events: readonly RefEvent[], query: RefQuery): Joined[] {
  const result: Joined[] = [];
  for (const [customer, own] of groupByCustomer(events)) {
    if (!inSegment(customer, query)) continue;
    const firstSeen = Math.min(...own.map((e) => e.ts));
    // The signupDate trait: the latest customer_updated carrying the key wins.
    let signupDate: string | null = null;
    let setAt = -Infinity;
    for (const e of own) {
      if (e.type !== "customer_updated" || !e.traits || !("signupDate" in e.traits)) continue;
      const value = e.traits.signupDate;
      if (e.ts > setAt || (e.ts === setAt && JSON.stringify(value) > JSON.stringify(signupDate))) {
        signupDate = typeof value === "string" ? value : null;
        setAt = e.ts;
      }
    }
    const signupAt = signupDate ? midnight(signupDate, query.timeZone ?? "UTC") : Infinity;
    const joined = Math.min(firstSeen, signupAt);
    if (!inWindow(joined, query)) continue;
    const welcomed = own.some(
      (e) =>
        isContact(e) &&
        e.messageKind === "lifecycle" &&
        (!query.channel || e.channel === query.channel) &&
        e.ts >= joined &&
        e.ts < joined + 7 * 24 * HOUR,
    );
    result.push({ customerId: customer, joined, firstSeen, signupDate, welcomed });
  }
  return result;
}

const OPT_OUTS = new Set(["unsubscribed", "complained", "consent_withdrawn"]);

/** METRICS.md §1: is the customer opted out of `channel` just before `t`? */
function optedOut(consents: readonly RefEvent[], channel: string, t: number): boolean {
  let latest: RefEvent | null = null;
  for (const e of consents) {
    if (e.ts >= t || (e.channel !== null && e.channel !== channel)) continue;
    if (!latest || e.ts > latest.ts || (e.ts === latest.ts && OPT_OUTS.has(e.type))) latest = e;
  }
  return latest !== null && OPT_OUTS.has(latest.type);
}

/** The latest channel-less opt-out before t when it is the latest channel-less consent event. */
function everywhereOptOut(consents: readonly RefEvent[], t: number): RefEvent | null {
  let latest: RefEvent | null = null;
  for (const e of consents) {
    if (e.ts >= t || e.channel !== null) continue;
    if (!latest || e.ts > latest.ts || (e.ts === latest.ts && OPT_OUTS.has(e.type))) latest = e;
  }
  if (!latest || !OPT_OUTS.has(latest.type)) return null;
  return CHANNELS.every((channel) => optedOut(consents, channel, t)) ? latest : null;
}

interface NotLetGoContact {
  customerId: string;
  ts: number;
  optedOutAt: number;
}

function notLetGoContacts(events: readonly RefEvent[], query: RefQuery): NotLetGoContact[] {
  const result: NotLetGoContact[] = [];
  for (const [customer, own] of groupByCustomer(events)) {
    if (!inSegment(customer, query)) continue;
    const consents = own.filter((e) => OPT_OUTS.has(e.type) || e.type === "consent_granted");
    for (const e of own) {
      if (!isContact(e) || (e.messageKind ?? "promotional") !== "promotional" || !inWindow(e.ts, query))
        continue;
      if (query.channel && e.channel !== query.channel) continue;
      const optOut = everywhereOptOut(consents, e.ts);
      if (optOut) result.push({ customerId: customer, ts: e.ts, optedOutAt: optOut.ts });
    }
  }
  return result;
}

export function refLifecycleChecks(events: readonly RefEvent[], query: RefQuery): LifecycleChecks {
  const joined = joinedInWindow(events, query);
  const notWelcomed = joined.filter((j) => !j.welcomed).length;
  const contacts = notLetGoContacts(events, query);
  return {
    notWelcomed: {
      newCustomers: joined.length,
      customers: notWelcomed,
      share: rate(notWelcomed, joined.length),
    },
    notLetGo: { customers: new Set(contacts.map((c) => c.customerId)).size, contacts: contacts.length },
  };
}

const iso = (ts: number) => new Date(ts).toISOString();

export function refNotWelcomed(
  events: readonly RefEvent[],
  query: RefQuery,
): CustomerList<NotWelcomedCustomer> {
  const rows = joinedInWindow(events, query)
    .filter((j) => !j.welcomed)
    .sort((a, b) => a.joined - b.joined || compare(a.customerId, b.customerId))
    .map((j) => ({
      customerId: j.customerId,
      joinedAt: iso(j.joined),
      firstSeenAt: iso(j.firstSeen),
      signupDate: j.signupDate,
    }));
  return { total: rows.length, rows };
}

export function refNotLetGo(events: readonly RefEvent[], query: RefQuery): CustomerList<NotLetGoCustomer> {
  const byCustomer = new Map<string, NotLetGoContact[]>();
  for (const c of notLetGoContacts(events, query)) {
    byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c]);
  }
  const rows = [...byCustomer]
    .map(([customerId, contacts]) => {
      const first = contacts.reduce((a, b) => (b.ts < a.ts ? b : a));
      return {
        customerId,
        contacts: contacts.length,
        firstContactAt: iso(first.ts),
        lastContactAt: iso(Math.max(...contacts.map((c) => c.ts))),
        optedOutAt: iso(first.optedOutAt),
      };
    })
    .sort((a, b) => b.contacts - a.contacts || compare(a.customerId, b.customerId));
  return { total: rows.length, rows };
}
