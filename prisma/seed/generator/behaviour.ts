import type { Channel } from "@/lib/generated/prisma/client";

import { atLocal, DAY, dayOf, MINUTE } from "./calendar";
import { relevance } from "./engagement";
import { send } from "./messaging";
import { demand, storeHour, visitHour } from "./rhythm";
import { emit, emitConsent, type SimState } from "./state";
import {
  INTEREST_WEIGHT,
  PRICE_RANGE,
  seasonFactor,
  TOPIC_LABEL,
  TOPICS,
  topicsLiteral,
  type Topic,
} from "./topics";
import type { Persona } from "./types";

const SESSIONS_PER_WEEK: Record<Persona, number> = {
  enthusiast: 0.16,
  regular: 0.053,
  occasional: 0.02,
  dormant: 0.005,
};
const STORE_VISITS_PER_WEEK: Record<Persona, number> = {
  enthusiast: 0.07,
  regular: 0.035,
  occasional: 0.016,
  dormant: 0.004,
};
const CART_CHANCE: Record<Persona, number> = {
  enthusiast: 0.3,
  regular: 0.25,
  occasional: 0.2,
  dormant: 0.15,
};
const MAX_DEMAND = 5;

/** Schedules the customer's next organic visit (site/app or store) after `from`, by thinning. */
export function scheduleNextVisit(s: SimState, from: number, where: "online" | "store"): void {
  const { rng, profile, ctx } = s;
  const perWeek =
    where === "online"
      ? SESSIONS_PER_WEEK[profile.persona]
      : STORE_VISITS_PER_WEEK[profile.persona] * profile.storeShare * 2;
  let t = from;
  for (;;) {
    t += rng.exponential((7 * DAY) / (perWeek * MAX_DEMAND));
    if (t >= ctx.calendar.end) return;
    const day = dayOf(ctx.calendar, t);
    if (!rng.chance(demand(day) / MAX_DEMAND)) continue;
    const hour = where === "store" ? storeHour(rng, day.weekday) : visitHour(rng, day.weekday);
    if (hour === null) continue;
    const at = Math.max(atLocal(day, hour), from + MINUTE);
    s.queue.push(Math.floor(at), where === "store" ? { kind: "storeVisit" } : { kind: "nextSession" });
    return;
  }
}

/** A visit to the site or app: page views, product views, maybe a cart and an order. */
export function runSession(
  s: SimState,
  t: number,
  channel: "web" | "app",
  focus: Topic | null,
  landing: string | null,
): void {
  const { rng, profile } = s;
  const month = dayOf(s.ctx.calendar, t).month;
  s.lastActiveAt = Math.max(s.lastActiveAt, t);
  let cursor = t;
  const pages = 1 + Math.min(4, rng.poisson(0.4));
  for (let i = 0; i < pages; i++) {
    const path =
      i === 0 && landing ? landing : i === 0 ? "/" : TOPIC_LABEL[focus ?? browseTopic(s, month)].path;
    emit(s, { t: cursor, type: "page_viewed", channel, properties: JSON.stringify({ path }) });
    cursor += rng.between(15_000, 120_000);
  }
  const products = Math.min(5, rng.poisson(focus ? 1.4 : 0.9));
  let viewed: Topic | null = null;
  for (let i = 0; i < products; i++) {
    viewed = focus && rng.chance(0.65) ? focus : browseTopic(s, month);
    emit(s, {
      t: cursor,
      type: "product_viewed",
      channel,
      topic: viewed,
      properties: JSON.stringify({ sku: sku(s, viewed) }),
    });
    cursor += rng.between(15_000, 90_000);
  }
  if (
    viewed &&
    rng.chance(Math.min(0.8, CART_CHANCE[profile.persona] * Math.sqrt(relevance(s, viewed, month))))
  ) {
    cursor += rng.between(20_000, 200_000);
    const price = itemPrice(s, viewed);
    emit(s, {
      t: cursor,
      type: "cart_added",
      channel,
      topic: viewed,
      properties: JSON.stringify({ sku: sku(s, viewed), price }),
    });
    if (rng.chance(0.5)) purchase(s, cursor + rng.between(2, 12) * MINUTE, channel, viewed);
  }
  if (channel === "app" && !s.inClub && rng.chance(0.35)) {
    const banner = currentInApp(s, t);
    if (banner) s.queue.push(Math.floor(t + rng.between(30_000, 120_000)), { kind: "inApp", spec: banner });
  }
}

/** An order: the purchase, its receipt, sometimes a refund, and a chance to opt back in at checkout. */
export function purchase(s: SimState, at: number, channel: Channel, main: Topic): void {
  const { rng, profile } = s;
  const t = Math.floor(at);
  const items = 1 + Math.min(3, rng.poisson(0.4));
  const topics: Topic[] = [main];
  let value = itemPrice(s, main);
  for (let i = 1; i < items; i++) {
    const topic = rng.chance(0.6) ? main : browseTopic(s, dayOf(s.ctx.calendar, t).month);
    if (!topics.includes(topic)) topics.push(topic);
    value += itemPrice(s, topic);
  }
  const orderId = `NS-${profile.index + 1}-${++s.orders}`;
  if (
    !emit(s, {
      t,
      type: "purchased",
      channel,
      topics: topicsLiteral(topics),
      value: value.toFixed(2),
      currency: "DKK",
      properties: JSON.stringify({ orderId, items }),
    })
  )
    return;
  s.lastPurchaseAt = t;
  s.lastActiveAt = Math.max(s.lastActiveAt, t);
  s.spendSinceReview += value;
  if (channel !== "store" || rng.chance(0.5)) {
    send(
      s,
      {
        messageId: `m-receipt-${orderId}`,
        campaignId: "receipts",
        channel: "email",
        kind: "transactional",
        topic: null,
        properties: JSON.stringify({ subject: `Kvittering for ordre ${orderId}` }),
      },
      t + rng.between(30_000, 90_000),
    );
  }
  if (rng.chance(channel === "store" ? 0.03 : 0.07)) {
    const refund = rng.chance(0.6) ? value : Math.round(value * rng.between(0.3, 0.7) * 100) / 100;
    emit(s, {
      t: t + rng.between(5, 25) * DAY,
      type: "refunded",
      channel,
      value: refund.toFixed(2),
      currency: "DKK",
      properties: JSON.stringify({ orderId }),
    });
  }
  const optedOutAt = s.consent.lastOptOut("email", t);
  if (
    channel !== "store" &&
    !s.reconsented &&
    optedOutAt !== null &&
    !s.consent.canContact("email", t) &&
    !s.consent.hasComplained() &&
    t - optedOutAt > 14 * DAY &&
    rng.chance(0.25)
  ) {
    s.reconsented = true;
    emitConsent(s, t + 15_000, "email", "consent_granted", "checkout");
  }
}

/** A topic the customer browses: mostly their interests (in season), sometimes anything. */
export function browseTopic(s: SimState, month: number): Topic {
  const { rng, profile } = s;
  if (rng.chance(0.12))
    return TOPICS[rng.weighted(TOPICS.map((t) => INTEREST_WEIGHT[t] * seasonFactor(t, month)))];
  const weights = profile.interests.map((t, rank) => seasonFactor(t, month) / (1 + rank));
  return profile.interests[rng.weighted(weights)];
}

function itemPrice(s: SimState, topic: Topic): number {
  const [min, max] = PRICE_RANGE[topic];
  // Cheap items are common, expensive ones rare; prices end in ,95.
  const raw = min * Math.pow(max / min, s.rng.next() ** 1.6);
  return Math.max(50, Math.round(raw / 50) * 50) - 0.05;
}

function sku(s: SimState, topic: Topic): string {
  return `${TOPIC_LABEL[topic].sku}-${1000 + s.rng.int(400)}`;
}

function currentInApp(s: SimState, t: number) {
  const list = s.ctx.plan.inApp;
  let found = null;
  for (const banner of list) {
    if (banner.from > t) break;
    found = banner.spec;
  }
  return found;
}

/** The first hours of a new customer: a browse right after sign-up, or a purchase at the till. */
export function firstVisit(s: SimState, joinAt: number): void {
  const { profile, rng } = s;
  if (profile.joinChannel === "store")
    purchase(s, joinAt + rng.between(1, 5) * MINUTE, "store", profile.interests[0]);
  else
    s.queue.push(Math.floor(joinAt + rng.between(20_000, 90_000)), {
      kind: "session",
      channel: profile.joinChannel,
      focus: profile.interests[0],
      landing: null,
    });
}
