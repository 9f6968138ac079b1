import type { Day } from "./calendar";
import type { PlanBuilder } from "./plan-builder";

/**
 * The regular programme on a three-week cycle: a newsletter on Tuesday morning (two in three
 * lead with football, the shop's sponsorship, whatever customers want), targeted mails on
 * Thursday mornings outside newsletter weeks, and a weekend push every third Saturday.
 */
export function planWeekly(plan: PlanBuilder, day: Day, week: number): void {
  if (day.weekday === 2 && week % 3 === 0) {
    const topic = (week / 3) % 3 === 2 ? plan.seasonalTopic(day.month) : "football";
    plan.add(day, {
      slug: "newsletter",
      hours: 9,
      channel: "email",
      topic,
      audience: { kind: "newsletter" },
      spreadMinutes: 40,
    });
  }
  // Trail running, wanted by many, gets just two small mailings a year (finding b).
  const trailDay =
    day.weekday === 4 && (day.month === 4 || day.month === 9) && day.dayOfMonth >= 8 && day.dayOfMonth <= 14;
  if (trailDay || (day.weekday === 4 && week % 3 !== 0)) {
    const topic = trailDay ? "trail-running" : plan.seasonalTopic(day.month);
    plan.add(day, {
      slug: "topic-mail",
      hours: 9.5,
      channel: "email",
      topic,
      audience: { kind: "interest", topic },
      spreadMinutes: 20,
    });
  }
  if (day.weekday === 6 && week % 3 === 1) {
    const push = (week - 1) / 3;
    const topic = push % 2 === 0 ? "football" : push % 4 === 1 ? "sale" : plan.seasonalTopic(day.month);
    plan.add(day, {
      slug: "weekend-push",
      hours: 10,
      channel: "push",
      topic,
      audience: { kind: "push" },
      spreadMinutes: 5,
    });
  }
}
