import type { Calendar } from "./calendar";
import type { Findings } from "./findings";
import { PlanBuilder } from "./plan-builder";
import { planClubWeek } from "./plan-club";
import { inAppBanner, planProgrammes } from "./plan-programmes";
import { planSpecials } from "./plan-specials";
import type { InAppCampaign, Plan } from "./plan-types";
import { planWeekly } from "./plan-weekly";
import { mixSeed, Random } from "./prng";
import { isBlackFriday } from "./rhythm";

/**
 * The period's send calendar: the regular programme, seasonal specials, the loyalty club's
 * own programme, deal alerts, win-back runs, the "Dear VIP" mailing and weekly in-app banners.
 */
export function buildPlan(calendar: Calendar, findings: Findings, seed: number): Plan {
  const plan = new PlanBuilder(calendar, findings, new Random(mixSeed(seed, 77)));
  const inApp: InAppCampaign[] = [];
  const blackFridays = calendar.days.filter(isBlackFriday).map((d) => d.index);
  for (const day of calendar.days) {
    const week = Math.floor(day.index / 7);
    const sinceBlackFriday = blackFridays.map((i) => day.index - i).find((x) => x >= 0 && x <= 3) ?? null;
    planWeekly(plan, day, week);
    planSpecials(plan, day, sinceBlackFriday);
    planClubWeek(plan, day, calendar);
    planProgrammes(plan, day, findings);
    if (day.weekday === 1 || day.index === 0) inApp.push(inAppBanner(plan, day));
  }
  return { messages: plan.finish(), inApp };
}
