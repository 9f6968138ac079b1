import { createHash } from "node:crypto";

import { type Calendar, DAY, HOUR, localDate, atLocal } from "./calendar";
import { ClubRoster, type ClubMembership } from "./club-members";
import type { Findings } from "./findings";
import { mixSeed, Random } from "./prng";
import { joinWeight, storeHour, visitHour } from "./rhythm";
import { INTEREST_WEIGHT, TOPICS, type Topic } from "./topics";
import type { MessageChannel, Persona, Tier } from "./types";

/** Who a demo customer is: fixed at creation, before any event is simulated. */
export interface CustomerProfile {
  index: number;
  id: string;
  persona: Persona;
  /** A customer from before the data starts (imported from the CRM on the first night). */
  preExisting: boolean;
  joinAt: number;
  signupDate: string;
  joinChannel: "web" | "app" | "store";
  country: string;
  locale: string;
  birthYear: number;
  emailSha256: string;
  tier: Tier;
  /** Topics the customer cares about, strongest first. */
  interests: Topic[];
  appUser: boolean;
  /** Mail client that opens every e-mail automatically (privacy proxy). */
  privacyProxy: boolean;
  /** Share of purchases made in a store. */
  storeShare: number;
  /** Channels consented to at sign-up (or in the CRM import). */
  grants: MessageChannel[];
  /** An opt-out from before the data, carried over by the CRM import (e-mail, or everything). */
  importedOptOut: "email" | "all" | null;
  lastPurchaseBefore: number | null;
  club: ClubMembership | null;
  /** (f) On the deal-alert stream; asks for one contact a week at `maxOneAt`. */
  dealAlerts: { maxOneAt: number } | null;
  preferenceAt: number | null;
  welcome: boolean;
}

export interface CustomerContext {
  calendar: Calendar;
  findings: Findings;
  seed: number;
  idWidth: number;
  /** Cumulative sign-up weights per calendar day. */
  joinCdf: Float64Array;
  clubRoster: ClubRoster;
}

const PERSONAS: readonly Persona[] = ["enthusiast", "regular", "occasional", "dormant"];
const PERSONA_WEIGHTS = [0.15, 0.35, 0.3, 0.2];
const APP_SHARE: Record<Persona, number> = { enthusiast: 0.5, regular: 0.33, occasional: 0.2, dormant: 0.08 };
const BOUGHT_BEFORE: Record<Persona, number> = {
  enthusiast: 0.95,
  regular: 0.85,
  occasional: 0.6,
  dormant: 0.45,
};
const COUNTRIES = [
  ["DK", "da-DK", 72],
  ["SE", "sv-SE", 10],
  ["NO", "nb-NO", 10],
  ["FI", "fi-FI", 2],
  ["DE", "de-DE", 2],
  ["GB", "en-GB", 2],
  ["IS", "is-IS", 1],
  ["NL", "nl-NL", 1],
] as const;
const TIER_WEIGHTS = [0.55, 0.28, 0.12, 0.05];
const TIER_ORDER: readonly Tier[] = ["none", "silver", "gold", "vip"];

export function createCustomerContext(
  calendar: Calendar,
  findings: Findings,
  seed: number,
  customers: number,
) {
  const joinCdf = new Float64Array(calendar.days.length);
  let total = 0;
  calendar.days.forEach((day, i) => {
    // The last day is left out so every sign-up has time for its first messages.
    total += i === calendar.days.length - 1 ? 0 : joinWeight(day) * (1 + (0.25 * i) / calendar.days.length);
    joinCdf[i] = total;
  });
  return {
    calendar,
    findings,
    seed,
    idWidth: Math.max(6, String(customers).length),
    joinCdf,
    clubRoster: new ClubRoster(),
  } satisfies CustomerContext;
}

/** Creates customer `index`; call in index order (club patience is handed out in sequence). */
export function createProfile(index: number, ctx: CustomerContext): CustomerProfile {
  const { calendar, findings } = ctx;
  const rng = new Random(mixSeed(ctx.seed, index, 1));
  const id = `c-${String(index + 1).padStart(ctx.idWidth, "0")}`;
  const persona = PERSONAS[rng.weighted(PERSONA_WEIGHTS)];
  const preExisting = rng.chance(0.45);
  const joinChannel = preExisting ? "web" : rng.pick(["web", "web", "app", "store"] as const);
  const joinAt = preExisting
    ? calendar.start + HOUR + rng.next() * 3 * HOUR
    : pickJoin(rng, ctx, joinChannel);
  const signup = preExisting
    ? localDate(calendar.start - DAY * (1 + Math.floor(rng.exponential(700))), calendar.timeZone)
    : localDate(joinAt, calendar.timeZone);
  const [country, locale] = pickCountry(rng);
  const birthYear = Math.round(1986 + 11 * rng.normal());

  // The club recruits among existing enthusiasts and regulars (about 22 % of all customers).
  const clubEligible = preExisting && (persona === "enthusiast" || persona === "regular");
  const club =
    clubEligible && rng.chance(findings.clubShare / 0.225) ? ctx.clubRoster.enrol(calendar, joinAt) : null;
  const appUser = club !== null || rng.chance(APP_SHARE[persona]);
  const tier = preExisting
    ? TIER_ORDER[rng.weighted(persona === "enthusiast" ? [0.3, 0.35, 0.23, 0.12] : TIER_WEIGHTS)]
    : "none";
  let grants = pickGrants(rng, { preExisting, club: club !== null, appUser, birthYear, tier });
  let importedOptOut: CustomerProfile["importedOptOut"] = null;
  if (preExisting && club === null && !grants.includes("email")) {
    const r = rng.next();
    importedOptOut = r < 0.08 ? "all" : r < 0.5 ? "email" : null;
    if (importedOptOut === "all") grants = [];
  }

  const dealEligible =
    club === null && persona !== "dormant" && grants.includes("email") && joinAt < calendar.end - 120 * DAY;
  // A month or more on the deal alerts, then "at most once a week" — well before the last 28 days.
  const dealFrom = Math.max(joinAt, findings.dealAlerts.from) + 30 * DAY;
  const dealAlerts =
    dealEligible && rng.chance(findings.dealAlerts.share / 0.48)
      ? { maxOneAt: dealFrom + rng.next() * Math.max(0, calendar.end - 40 * DAY - dealFrom) }
      : null;
  const preferenceAt =
    dealAlerts === null && rng.chance(0.1)
      ? joinAt + 14 * DAY + rng.next() * Math.max(0, calendar.end - joinAt - 15 * DAY)
      : null;
  const cohort = findings.unwelcomedCohort;

  return {
    index,
    id,
    persona,
    preExisting,
    joinAt,
    signupDate: `${signup.year}-${pad(signup.month)}-${pad(signup.day)}`,
    joinChannel,
    country,
    locale,
    birthYear: Math.min(2009, Math.max(1940, birthYear)),
    emailSha256: createHash("sha256").update(`${id}@kunder.nordlys-sport.example`).digest("hex"),
    tier,
    interests: pickInterests(rng, persona, birthYear),
    appUser,
    privacyProxy: rng.chance(0.1),
    storeShare: rng.chance(0.15) ? 0.9 : rng.between(0.05, 0.45),
    grants,
    importedOptOut,
    lastPurchaseBefore:
      preExisting && rng.chance(BOUGHT_BEFORE[persona])
        ? calendar.start - DAY * (1 + rng.exponential(150))
        : null,
    club,
    dealAlerts,
    preferenceAt: preferenceAt !== null && preferenceAt < calendar.end - HOUR ? preferenceAt : null,
    welcome: !preExisting && !(joinAt >= cohort.start && joinAt < cohort.end),
  };
}

function pickJoin(rng: Random, ctx: CustomerContext, channel: "web" | "app" | "store"): number {
  const { joinCdf, calendar } = ctx;
  const target = rng.next() * joinCdf[joinCdf.length - 1];
  let lo = 0;
  let hi = joinCdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (joinCdf[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  const day = calendar.days[lo];
  const hour = (channel === "store" ? storeHour(rng, day.weekday) : null) ?? visitHour(rng, day.weekday);
  return Math.min(atLocal(day, hour), calendar.end - 2 * HOUR);
}

function pickGrants(
  rng: Random,
  c: { preExisting: boolean; club: boolean; appUser: boolean; birthYear: number; tier: Tier },
): MessageChannel[] {
  const grants: MessageChannel[] = [];
  const email = rng.chance(c.club ? 0.96 : c.preExisting ? 0.45 : 0.75);
  if (email) grants.push("email");
  // A new customer without e-mail consent signed up in store with a phone number.
  if (rng.chance(c.club ? 0.6 : 0.2) || (!email && !c.preExisting)) grants.push("sms");
  if (c.appUser && rng.chance(c.club ? 0.92 : 0.78)) grants.push("push");
  if (c.appUser) grants.push("in_app");
  if (rng.chance(c.birthYear < 1975 ? 0.38 : 0.2)) grants.push("direct_mail");
  if (rng.chance(c.tier === "gold" || c.tier === "vip" ? 0.3 : 0.01)) grants.push("phone");
  return grants;
}

function pickInterests(rng: Random, persona: Persona, birthYear: number): Topic[] {
  const count = persona === "enthusiast" ? 2 + rng.int(2) : 1 + rng.int(2);
  const weights = TOPICS.map(
    (topic) => INTEREST_WEIGHT[topic] * (topic === "kids" && birthYear < 1994 && birthYear > 1974 ? 2 : 1),
  );
  const chosen: Topic[] = [];
  while (chosen.length < count) {
    const i = rng.weighted(weights);
    chosen.push(TOPICS[i]);
    weights[i] = 0;
  }
  return chosen;
}

function pickCountry(rng: Random): readonly [string, string] {
  const [country, locale] = COUNTRIES[rng.weighted(COUNTRIES.map((c) => c[2]))];
  return [country, locale];
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
