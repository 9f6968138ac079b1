import { firstVisit, scheduleNextVisit } from "./behaviour";
import { atLocal, DAY, dayOf, MINUTE } from "./calendar";
import { scheduleClubFatigue } from "./club-fatigue";
import { send } from "./messaging";
import { emit, emitConsent, type SimState } from "./state";
import { topicsLiteral, type Topic } from "./topics";
import { TIERS, type Tier } from "./types";

/** Sign-up (or CRM import): the profile, the consents given, and what the customer has ahead. */
export function join(s: SimState): void {
  const { profile, rng, ctx, queue } = s;
  const t = Math.floor(profile.joinAt);
  const source = profile.preExisting ? "crm-import" : "signup";
  const traits = {
    country: profile.country,
    locale: profile.locale,
    signupDate: profile.signupDate,
    loyaltyTier: profile.tier,
    birthYear: profile.birthYear,
    emailSha256: profile.emailSha256,
    loyaltyClub: profile.club?.founding ?? false,
  };
  emit(s, {
    t,
    type: "customer_updated",
    traits: JSON.stringify(traits),
    properties: JSON.stringify({ source }),
  });
  if (profile.importedOptOut) {
    emitConsent(s, t + 900, profile.importedOptOut === "all" ? null : "email", "unsubscribed", source);
  }
  profile.grants.forEach((channel, i) => emitConsent(s, t + 1_000 + i, channel, "consent_granted", source));

  if (profile.welcome) {
    queue.push(Math.floor(t + rng.between(2, 20) * MINUTE), { kind: "welcome", step: 1 });
    const third = dayOf(ctx.calendar, t + 3 * DAY);
    queue.push(Math.floor(atLocal(third, 10 + rng.next() * 2)), { kind: "welcome", step: 2 });
  }
  if (profile.club && !profile.club.founding)
    queue.push(Math.floor(profile.club.enrollAt), { kind: "clubEnrol" });
  scheduleClubFatigue(s);
  const prefsAt = profile.dealAlerts?.maxOneAt ?? profile.preferenceAt;
  if (prefsAt !== null) queue.push(Math.floor(prefsAt), { kind: "preferences" });
  for (const review of ctx.tierReviews) if (review > t) queue.push(review, { kind: "tierReview" });
  if (!profile.preExisting) firstVisit(s, t);
  scheduleNextVisit(s, t, "online");
  scheduleNextVisit(s, t, "store");
}

/** The welcome series: a greeting within minutes, then the customer's favourite topic on day three. */
export function welcome(s: SimState, t: number, step: 1 | 2): void {
  if (step === 1) {
    const channel = s.consent.canContact("email", t) ? "email" : "sms";
    send(
      s,
      {
        messageId: `m-welcome-1-${channel}`,
        campaignId: "welcome-series",
        channel,
        kind: "lifecycle",
        topic: null,
        properties: JSON.stringify({ subject: "Velkommen til Nordlys Sport" }),
      },
      t,
    );
    return;
  }
  const topic = s.profile.interests[0];
  send(
    s,
    {
      messageId: `m-welcome-2-${topic}`,
      campaignId: "welcome-series",
      channel: "email",
      kind: "lifecycle",
      topic,
      properties: JSON.stringify({ subject: "Udvalgt til dig" }),
    },
    t,
  );
}

/** Joining the loyalty club in the app (finding a): the trait, and often push consent with it. */
export function enrolInClub(s: SimState, t: number): void {
  s.inClub = true;
  emit(s, {
    t,
    type: "customer_updated",
    traits: JSON.stringify({ loyaltyClub: true }),
    properties: JSON.stringify({ source: "club-app" }),
  });
  if (!s.consent.canContact("push", t) && s.rng.chance(0.5))
    emitConsent(s, t + 1_000, "push", "consent_granted", "club-app");
}

/** A preference-centre visit; deal-alert customers (finding f) ask for one contact a week. */
export function updatePreferences(s: SimState, t: number): void {
  const { rng, profile } = s;
  let topics: Topic[] | null;
  let maxPerWeek: number | null;
  if (profile.dealAlerts) {
    topics = rng.chance(0.5) ? [profile.interests[0]] : null;
    maxPerWeek = 1;
  } else {
    topics = profile.interests.slice(0, 1 + rng.int(profile.interests.length));
    if (profile.interests.includes("trail-running") && !topics.includes("trail-running"))
      topics.push("trail-running");
    maxPerWeek = !s.inClub && rng.chance(0.35) ? [1, 2, 2, 3, 3][rng.int(5)] : null;
    if (maxPerWeek !== null && rng.chance(0.15)) topics = null;
  }
  s.prefs = { topics: topics ?? [], maxPerWeek };
  emit(s, {
    t,
    type: "preferences_updated",
    topics: topicsLiteral(topics ?? []),
    maxPerWeek,
    properties: JSON.stringify({ source: "preference-centre" }),
  });
  if (profile.dealAlerts) return;
  if (s.consent.canContact("sms", t) && rng.chance(0.12))
    emitConsent(s, t + 5_000, "sms", "consent_withdrawn", "preference-centre");
  if (rng.chance(0.02)) emitConsent(s, t + 6_000, null, "consent_withdrawn", "preference-centre");
}

const UPGRADE_SPEND: Record<Tier, number> = { none: 700, silver: 2000, gold: 5000, vip: Infinity };

/** Quarterly tier review: spend in the quarter lifts a tier, a year without orders lowers gold and VIP. */
export function reviewTier(s: SimState, t: number): void {
  const level = TIERS.indexOf(s.tier);
  let next = s.tier;
  if (s.spendSinceReview >= UPGRADE_SPEND[s.tier]) next = TIERS[level + 1];
  else if (level >= 2 && (s.lastPurchaseAt === null || s.lastPurchaseAt < t - 365 * DAY))
    next = TIERS[level - 1];
  s.spendSinceReview = 0;
  if (next === s.tier) return;
  s.tier = next;
  emit(s, {
    t,
    type: "customer_updated",
    traits: JSON.stringify({ loyaltyTier: next }),
    properties: JSON.stringify({ source: "tier-review" }),
  });
}
