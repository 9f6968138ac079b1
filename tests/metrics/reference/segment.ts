import { frequencyBucketOfCount, isAboveCap } from "@/lib/metrics/frequency-buckets";
import type { Comparison, SegmentFilter, SegmentLeaf } from "@/lib/metrics/segment";

import { referenceContactFacts, type RefContactFact, statedAt } from "./contact-facts";
import { DAY, inWindow, type RefEvent, type RefQuery } from "./events";

const CONSENT_TYPES = new Set(["unsubscribed", "complained", "consent_withdrawn", "consent_granted"]);

/** The customers (every customer with an event) that a segment holds for a window. */
export function referenceSegment(
  events: readonly RefEvent[],
  segment: SegmentFilter,
  query: RefQuery,
): Set<string> {
  const facts = referenceContactFacts(events);
  const customers = [...new Set(events.map((e) => e.customerId))];
  const context = { events, facts, query };
  return new Set(customers.filter((id) => holds(context, segment, id)));
}

interface Context {
  events: readonly RefEvent[];
  facts: readonly RefContactFact[];
  query: RefQuery;
}

function holds(context: Context, filter: SegmentFilter, id: string): boolean {
  if ("and" in filter) return filter.and.every((f) => holds(context, f, id));
  if ("or" in filter) return filter.or.some((f) => holds(context, f, id));
  if ("not" in filter) return !holds(context, filter.not, id);
  return leafHolds(context, filter, id);
}

function compare(left: number, op: Comparison, right: number): boolean {
  return {
    eq: left === right,
    neq: left !== right,
    gt: left > right,
    gte: left >= right,
    lt: left < right,
    lte: left <= right,
  }[op];
}

function leafHolds({ events, facts, query }: Context, leaf: SegmentLeaf, id: string): boolean {
  const own = events.filter((e) => e.customerId === id);
  const windowFacts = facts.filter((f) => f.event.customerId === id && inWindow(f.event.ts, query));
  const span = query.to - query.from;
  const purchases = own.filter((e) => e.type === "purchased" && e.ts < query.to);
  switch (leaf.field) {
    case "trait":
      return traitHolds(currentTraits(own), leaf);
    case "purchasesInWindow":
      return compare(purchases.filter((e) => e.ts >= query.from).length, leaf.op, leaf.value);
    case "purchasesTotal":
      return compare(purchases.length, leaf.op, leaf.value);
    case "daysSinceLastPurchase":
      return (
        purchases.length > 0 &&
        compare((query.to - Math.max(...purchases.map((e) => e.ts))) / DAY, leaf.op, leaf.value)
      );
    case "contacted":
      return windowFacts.length > 0 === leaf.value;
    case "engaged":
      return windowFacts.some((f) => f.engaged) === leaf.value;
    case "overContacted":
      return (
        (windowFacts.length > 0 && isAboveCap(windowFacts.length, span, query.frequencyCap ?? 3)) ===
        leaf.value
      );
    case "frequencyBucket":
      return windowFacts.length > 0 && leaf.value.includes(frequencyBucketOfCount(windowFacts.length, span));
    case "relevance": {
      const scored = windowFacts.flatMap((f) => (f.relevance === null ? [] : [f.relevance]));
      if (scored.length === 0) return false;
      const mean = scored.reduce((a, b) => a + b, 0) / scored.length;
      const [low, high] = [Math.min(...leaf.value), Math.max(...leaf.value)];
      return mean >= low && mean <= high;
    }
    case "consent": {
      let latest: RefEvent | null = null;
      for (const e of own) {
        if (
          !CONSENT_TYPES.has(e.type) ||
          e.ts >= query.to ||
          (e.channel !== null && e.channel !== leaf.channel)
        )
          continue;
        if (!latest || e.ts > latest.ts || (e.ts === latest.ts && e.type !== "consent_granted")) latest = e;
      }
      const state = latest === null ? "unknown" : latest.type === "consent_granted" ? "granted" : "optedOut";
      return state === leaf.value;
    }
    case "statedTopic":
      return statedAt(query.to, own)?.topics.includes(leaf.value) ?? false;
    case "hasStatedPreferences": {
      const stated = statedAt(query.to, own);
      const has = stated !== null && (stated.topics.length > 0 || stated.maxPerWeek !== null);
      return has === leaf.value;
    }
    case "statedMaxPerWeek": {
      const max = statedAt(query.to, own)?.maxPerWeek ?? null;
      return max !== null && compare(max, leaf.op, leaf.value);
    }
  }
}

/** Current traits: per key, the value of the latest customer_updated carrying it. */
function currentTraits(own: readonly RefEvent[]): Map<string, { value: unknown; ts: number }> {
  const traits = new Map<string, { value: unknown; ts: number }>();
  for (const e of own) {
    if (e.type !== "customer_updated" || !e.traits) continue;
    for (const [key, value] of Object.entries(e.traits)) {
      const known = traits.get(key);
      if (!known || e.ts > known.ts) traits.set(key, { value, ts: e.ts });
    }
  }
  return traits;
}

type TraitLeaf = Extract<SegmentLeaf, { field: "trait" }>;

function traitHolds(traits: Map<string, { value: unknown }>, leaf: TraitLeaf): boolean {
  const found = traits.get(leaf.key);
  const text = found === undefined || found.value === null ? null : String(found.value);
  switch (leaf.op) {
    case "exists":
      return found !== undefined;
    case "missing":
      return found === undefined;
    case "eq":
      return text === String(leaf.value);
    case "neq":
      return text !== String(leaf.value);
    case "in":
      return text !== null && leaf.value.map(String).includes(text);
    case "notIn":
      return text === null || !leaf.value.map(String).includes(text);
    default: {
      if (text === null || !/^-?[0-9]+(\.[0-9]+)?$/.test(text)) return false;
      return compare(Number(text), leaf.op, leaf.value);
    }
  }
}
