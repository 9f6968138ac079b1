import { DAY } from "./calendar";
import type { CustomerProfile } from "./customers";
import type { PlannedMessage } from "./plan-types";
import { unitHash } from "./prng";
import type { SimState } from "./state";

/** Customers idle for longer get no newsletter or weekend push (a sunset policy). */
const SUNSET = 90 * DAY;

/** Cheap test on the fixed profile: can this message ever reach the customer? */
export function mayReach(message: PlannedMessage, profile: CustomerProfile): boolean {
  if ((message.channel === "push" || message.channel === "in_app") && !profile.appUser) return false;
  switch (message.audience.kind) {
    case "club":
      return profile.club !== null && message.at + message.spread >= profile.club.enrollAt;
    case "deals":
      return profile.dealAlerts !== null;
    default:
      return message.at + message.spread > profile.joinAt;
  }
}

/**
 * Finding (c): while the suppression list is broken, each regular promotional e-mail also goes
 * to about 1 % of the customers who had unsubscribed from e-mail (or from everything).
 */
export function leaksTo(message: PlannedMessage, s: SimState, t: number): boolean {
  const kind = message.audience.kind;
  if (!message.leaky || (kind !== "newsletter" && kind !== "interest" && kind !== "everyone")) return false;
  if (s.consent.stateAt("email", t) !== "unsubscribed") return false;
  return unitHash(s.ctx.seed, s.profile.index, message.index, 9) < s.ctx.findings.suppressionBug.leakRate;
}

/** Whether the customer is in the message's audience at `t` (consent and caps are checked on send). */
export function inAudience(message: PlannedMessage, s: SimState, t: number): boolean {
  const { profile } = s;
  const audience = message.audience;
  switch (audience.kind) {
    case "newsletter":
    case "push":
      return !s.inClub && t - s.lastActiveAt <= SUNSET;
    case "sms":
      return !s.inClub;
    case "interest":
      return (
        !s.inClub &&
        (profile.interests.includes(audience.topic) || (s.prefs?.topics.includes(audience.topic) ?? false))
      );
    case "everyone":
      return true;
    case "catalogue":
      return s.tier !== "none";
    case "vipCall":
      return s.tier === "vip" && unitHash(s.ctx.seed, profile.index, message.index, 3) < 0.5;
    case "club":
      return s.inClub;
    case "deals":
      return true;
    case "winBack":
      return (
        !s.inClub &&
        s.lastPurchaseAt !== null &&
        t - s.lastPurchaseAt > 120 * DAY &&
        t - profile.joinAt > 120 * DAY &&
        (s.lastWinBackAt === null || t - s.lastWinBackAt > 150 * DAY)
      );
    case "dearVip":
      // The segment was built as "gold and above" — every gold member is greeted as a VIP (finding e).
      return s.tier === "gold" || s.tier === "vip";
  }
}
