import { DAY } from "./calendar";
import { contactsWithin, type SimState } from "./state";
import { seasonFactor, type Topic } from "./topics";
import type { MessageChannel, Persona } from "./types";

interface Propensity {
  open: number;
  clickAfterOpen: number;
  tap: number;
  smsClick: number;
  inAppClick: number;
}

const PROPENSITY: Record<Persona, Propensity> = {
  enthusiast: { open: 0.45, clickAfterOpen: 0.2, tap: 0.08, smsClick: 0.05, inAppClick: 0.08 },
  regular: { open: 0.28, clickAfterOpen: 0.13, tap: 0.05, smsClick: 0.03, inAppClick: 0.05 },
  occasional: { open: 0.15, clickAfterOpen: 0.08, tap: 0.03, smsClick: 0.02, inAppClick: 0.03 },
  dormant: { open: 0.04, clickAfterOpen: 0.04, tap: 0.01, smsClick: 0.005, inAppClick: 0.01 },
};

const UNSUBSCRIBE_BASE: Partial<Record<MessageChannel, number>> = {
  email: 0.0011,
  sms: 0.0022,
  push: 0.0014,
};
export function propensity(s: SimState): Propensity {
  return PROPENSITY[s.profile.persona];
}

/** How much a message's topic speaks to the customer right now (0.3 = not at all, ~2 = a favourite). */
export function relevance(s: SimState, topic: Topic | null, month: number): number {
  if (topic === null) return 0.7;
  const rank = s.profile.interests.indexOf(topic);
  const season = Math.sqrt(seasonFactor(topic, month));
  if (rank === 0) return 2.2 * season;
  if (rank > 0) return 1.6 * season;
  if (s.prefs?.topics.includes(topic)) return 1.4 * season;
  return 0.3;
}

/** Chance that this contact makes the customer unsubscribe: more likely when irrelevant or too frequent. */
export function unsubscribeChance(
  s: SimState,
  channel: MessageChannel,
  t: number,
  rel: number,
  deal: boolean,
): number {
  const base = UNSUBSCRIBE_BASE[channel] ?? 0;
  const recent = contactsWithin(s, t, 30 * DAY);
  let p = base * (rel < 0.5 ? 1.8 : 1) * (1 + Math.max(0, recent - 6) / 6);
  // Club members (and those about to join) are loyal: only the club's own pressure drives them
  // away, through their patience (club-members.ts), not through the odd mail.
  if (s.profile.club) return 0;
  if (deal) p *= 0.15;
  if (s.profile.persona === "dormant") p *= 0.5;
  return p;
}
