import type { Channel } from "@/lib/generated/prisma/client";

import { type Calendar, DAY } from "./calendar";
import { ConsentLedger } from "./consent";
import type { CustomerProfile } from "./customers";
import type { Findings } from "./findings";
import { TimedQueue } from "./heap";
import type { MessageCatalogue } from "./message-catalogue";
import type { Plan, PlannedMessage } from "./plan-types";
import { mixSeed, Random } from "./prng";
import type { Topic } from "./topics";
import type { DemoEvent, MessageSpec, Tier } from "./types";

/** What every customer's simulation shares. */
export interface SimContext {
  calendar: Calendar;
  findings: Findings;
  plan: Plan;
  catalogue: MessageCatalogue;
  seed: number;
  /** Quarterly loyalty-tier reviews (UTC instants). */
  tierReviews: number[];
  /** The loyalty club's planned messages in time order: the club's clock for member fatigue. */
  clubMessages: PlannedMessage[];
}

/** Things that happen to a customer at a time, processed in time order. */
export type Item =
  | { kind: "plan"; message: PlannedMessage }
  | { kind: "session"; channel: "web" | "app"; focus: Topic | null; landing: string | null }
  | { kind: "nextSession" }
  | { kind: "storeVisit" }
  | { kind: "phoneOrder" }
  | { kind: "inApp"; spec: MessageSpec }
  | { kind: "welcome"; step: 1 | 2 }
  | { kind: "clubEnrol" }
  | { kind: "clubFatigue"; message: PlannedMessage }
  | { kind: "preferences" }
  | { kind: "tierReview" };

/** One customer's simulation: the profile plus everything that changes over the year. */
export interface SimState {
  profile: CustomerProfile;
  ctx: SimContext;
  rng: Random;
  queue: TimedQueue<Item>;
  events: DemoEvent[];
  consent: ConsentLedger;
  /** Times of contacts (non-transactional sends), ascending. */
  contacts: number[];
  tier: Tier;
  inClub: boolean;
  prefs: { topics: Topic[]; maxPerWeek: number | null } | null;
  lastPurchaseAt: number | null;
  lastWinBackAt: number | null;
  /** Last visit, click or purchase: newsletters skip customers idle for three months. */
  lastActiveAt: number;
  spendSinceReview: number;
  orders: number;
  reconsented: boolean;
}

export function createState(profile: CustomerProfile, ctx: SimContext): SimState {
  return {
    profile,
    ctx,
    rng: new Random(mixSeed(ctx.seed, profile.index, 2)),
    queue: new TimedQueue<Item>(),
    events: [],
    consent: new ConsentLedger(),
    contacts: [],
    tier: profile.tier,
    inClub: profile.club?.founding ?? false,
    prefs: null,
    lastPurchaseAt: profile.lastPurchaseBefore,
    lastWinBackAt: null,
    lastActiveAt: profile.preExisting
      ? (profile.lastPurchaseBefore ?? ctx.calendar.start - 200 * DAY)
      : profile.joinAt,
    spendSinceReview: 0,
    orders: 0,
    reconsented: false,
  };
}

/** Records an event, dropping anything outside the data period. Returns whether it was kept. */
export function emit(s: SimState, event: Partial<DemoEvent> & Pick<DemoEvent, "t" | "type">): boolean {
  const t = Math.floor(event.t);
  if (t < s.ctx.calendar.start || t >= s.ctx.calendar.end) return false;
  // A fixed object shape keeps a million of these cheap.
  s.events.push({
    t,
    type: event.type,
    channel: event.channel ?? null,
    messageId: event.messageId ?? null,
    campaignId: event.campaignId ?? null,
    kind: event.kind ?? null,
    topic: event.topic ?? null,
    topicInherited: event.topicInherited ?? false,
    topics: event.topics ?? "{}",
    maxPerWeek: event.maxPerWeek ?? null,
    value: event.value ?? null,
    currency: event.currency ?? null,
    traits: event.traits ?? null,
    properties: event.properties ?? null,
  });
  return true;
}

/** Records a consent event and remembers it for later contact decisions. */
export function emitConsent(
  s: SimState,
  at: number,
  channel: Channel | null,
  type: "consent_granted" | "consent_withdrawn" | "unsubscribed" | "complained",
  source: string,
): void {
  const t = Math.floor(at);
  if (emit(s, { t, type, channel, properties: JSON.stringify({ source }) })) s.consent.add(t, channel, type);
}

/** Remembers a contact, keeping the list in time order. */
export function recordContact(s: SimState, t: number): void {
  let i = s.contacts.length;
  s.contacts.push(t);
  while (i > 0 && s.contacts[i - 1] > t) {
    s.contacts[i] = s.contacts[i - 1];
    i--;
  }
  s.contacts[i] = t;
}

/** Contacts in (t − windowMs, t]. */
export function contactsWithin(s: SimState, t: number, windowMs: number): number {
  let n = 0;
  for (let i = s.contacts.length - 1; i >= 0 && s.contacts[i] > t - windowMs; i--)
    if (s.contacts[i] <= t) n++;
  return n;
}
