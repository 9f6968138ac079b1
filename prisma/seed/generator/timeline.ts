import { inAudience, leaksTo, mayReach } from "./audience";
import { purchase, runSession, scheduleNextVisit, browseTopic } from "./behaviour";
import { DAY, dayOf } from "./calendar";
import { clubFatigue } from "./club-fatigue";
import type { CustomerProfile } from "./customers";
import { enrolInClub, join, reviewTier, updatePreferences, welcome } from "./lifecycle";
import { send } from "./messaging";
import type { PlannedMessage } from "./plan-types";
import { unitHash } from "./prng";
import { createState, type Item, type SimContext, type SimState } from "./state";
import type { DemoEvent } from "./types";

/**
 * Simulates one customer's year and returns their events in time order. Everything —
 * planned sends, visits, opt-outs — is processed strictly in time order, so every send is
 * decided on the consent events that precede it, exactly as METRICS.md checks afterwards.
 */
export function simulateCustomer(profile: CustomerProfile, ctx: SimContext): DemoEvent[] {
  const s = createState(profile, ctx);
  join(s);
  const plan = ctx.plan.messages;
  let next = firstPlanIndex(plan, profile.joinAt);
  for (;;) {
    // Bring in every planned message that could come before the earliest queued item.
    while (next < plan.length && plan[next].at <= s.queue.peekTime()) {
      const message = plan[next++];
      if (mayReach(message, profile)) s.queue.push(sendTime(s, message), { kind: "plan", message });
    }
    const entry = s.queue.pop();
    if (!entry) break;
    if (entry.t >= ctx.calendar.end) break;
    handle(s, entry.t, entry.item);
  }
  s.events.sort((a, b) => a.t - b.t);
  return s.events;
}

function handle(s: SimState, t: number, item: Item): void {
  switch (item.kind) {
    case "plan": {
      const { message } = item;
      const leak = leaksTo(message, s, t);
      if (!leak && !inAudience(message, s, t)) return;
      const deal = message.audience.kind === "deals";
      if (send(s, message, t, { leak, ignoreCap: deal, deal })) {
        if (message.audience.kind === "winBack") s.lastWinBackAt = t;
      }
      return;
    }
    case "session":
      return runSession(s, t, item.channel, item.focus, item.landing);
    case "nextSession": {
      const channel = s.profile.appUser && s.rng.chance(0.6) ? "app" : "web";
      runSession(s, t, channel, null, null);
      return scheduleNextVisit(s, t, "online");
    }
    case "storeVisit":
      if (s.rng.chance(0.8)) purchase(s, t, "store", browseTopic(s, dayOf(s.ctx.calendar, t).month));
      return scheduleNextVisit(s, t, "store");
    case "phoneOrder":
      return purchase(s, t, "phone", browseTopic(s, dayOf(s.ctx.calendar, t).month));
    case "inApp":
      send(s, item.spec, t);
      return;
    case "welcome":
      return welcome(s, t, item.step);
    case "clubFatigue":
      return clubFatigue(s, t, item.message);
    case "clubEnrol":
      return enrolInClub(s, t);
    case "preferences":
      return updatePreferences(s, t);
    case "tierReview":
      return reviewTier(s, t);
  }
}

/** Each recipient's send time within the message's spread: a stateless draw, so it is known before sending. */
function sendTime(s: SimState, message: PlannedMessage): number {
  return Math.floor(message.at + unitHash(s.ctx.seed, s.profile.index, message.index, 1) * message.spread);
}

function firstPlanIndex(plan: PlannedMessage[], from: number): number {
  let lo = 0;
  let hi = plan.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // No planned message is spread over more than a few days.
    if (plan[mid].at < from - 3 * DAY) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
