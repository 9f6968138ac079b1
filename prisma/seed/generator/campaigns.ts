import { type Calendar, type Day, DAY } from "./calendar";
import { planClubWeek } from "./club-plan";
import { type Findings, DEAR_VIP_CAMPAIGN } from "./findings";
import { PlanBuilder, campaignFor } from "./plan-builder";
import type { InAppCampaign, Plan } from "./plan-types";
import { mixSeed, Random } from "./prng";
import { isBlackFriday } from "./rhythm";
import { TOPIC_LABEL } from "./topics";

/**
 * The year's send calendar: fortnightly newsletters on Tuesday mornings, targeted mails on
 * Thursdays, weekend pushes, seasonal specials (Black Friday, Christmas, sales), the loyalty
 * club's own programme, deal alerts, monthly win-back runs and the "Dear VIP" mailing.
 */
export function buildPlan(calendar: Calendar, findings: Findings, seed: number): Plan {
  const rng = new Random(mixSeed(seed, 77));
  const plan = new PlanBuilder(calendar, findings, rng);
  const inApp: InAppCampaign[] = [];
  const blackFridays = calendar.days.filter(isBlackFriday).map((d) => d.index);

  for (const day of calendar.days) {
    planWeekly(plan, day, rng, Math.floor(day.index / 7));
    planSpecials(plan, day, blackFridays);
    planClubWeek(plan, day, calendar);
    const dealDay = day.weekday === 1 || day.weekday === 3 || day.weekday === 5 || day.weekday === 7;
    if (dealDay && day.start >= findings.dealAlerts.from) {
      const topic = rng.chance(0.5) ? "sale" : plan.seasonalTopic(day.month, ["trail-running", "sale"]);
      plan.add(day, {
        slug: "deal-alert",
        hours: 8,
        channel: "email",
        topic,
        audience: { kind: "deals" },
        spreadMinutes: 10,
        campaignId: "deal-alerts",
        subject: `Dagens deal: ${TOPIC_LABEL[topic].label}`,
      });
    }
    if (day.weekday === 3 && day.dayOfMonth <= 7) {
      plan.add(day, {
        slug: "win-back",
        hours: 10,
        channel: "email",
        topic: null,
        audience: { kind: "winBack" },
        spreadMinutes: 20,
        campaignId: "win-back",
        kind: "lifecycle",
        subject: "Vi savner dig – her er 15 % rabat",
      });
    }
    if (findings.dearVip.at >= day.start && findings.dearVip.at < day.start + DAY) {
      plan.add(day, {
        slug: "dear-vip",
        hours: 10,
        channel: "email",
        topic: "outdoor",
        audience: { kind: "dearVip" },
        spreadMinutes: 30,
        campaignId: DEAR_VIP_CAMPAIGN,
        subject: "Kære VIP – din private efterårsforhåndsvisning",
      });
    }
    if (day.weekday === 1 || day.index === 0) {
      const topic = plan.promoTopic(day.month, 0.3);
      inApp.push({
        from: day.start,
        spec: {
          messageId: `m-${day.date}-app-banner`,
          campaignId: campaignFor(topic, day),
          channel: "in_app",
          kind: "promotional",
          topic,
          properties: JSON.stringify({ title: `${TOPIC_LABEL[topic].label}: Se ugens udvalg` }),
        },
      });
    }
  }
  return { messages: plan.finish(), inApp };
}

function planWeekly(
  plan: PlanBuilder,
  day: Day,
  rng: Random,
  /** Weeks since the start: a three-week cycle of newsletter, weekend push and a quiet week. */
  week: number,
) {
  if (day.weekday === 2 && week % 3 === 0) {
    // Two newsletters in three lead with football, whatever the customers want.
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
  if (day.weekday === 4) {
    // Trail running, the topic customers ask for most after running, gets two mailings a year.
    if ((day.month === 4 || day.month === 9) && day.dayOfMonth >= 8 && day.dayOfMonth <= 14) {
      plan.add(day, {
        slug: "topic-mail",
        hours: 9.5,
        channel: "email",
        topic: "trail-running",
        audience: { kind: "interest", topic: "trail-running" },
        spreadMinutes: 20,
      });
    } else {
      const topic = plan.seasonalTopic(day.month);
      plan.add(day, {
        slug: "topic-mail",
        hours: 9.5,
        channel: "email",
        topic,
        audience: { kind: "interest", topic },
        spreadMinutes: 20,
      });
    }
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

function planSpecials(plan: PlanBuilder, day: Day, blackFridays: number[]) {
  const { month, dayOfMonth: d, year } = day;
  const fromBlackFriday = blackFridays.map((i) => day.index - i).find((x) => x >= 0 && x <= 3);
  if (fromBlackFriday === 0) {
    const campaignId = `black-friday-${year}`;
    plan.add(day, {
      slug: "black-friday",
      hours: 7,
      channel: "email",
      topic: "sale",
      audience: { kind: "everyone" },
      spreadMinutes: 30,
      campaignId,
      subject: "Black Friday: op til 50 % på alt",
    });
    plan.add(day, {
      slug: "black-friday-sms",
      hours: 12,
      channel: "sms",
      topic: "sale",
      audience: { kind: "sms" },
      spreadMinutes: 10,
      campaignId,
    });
    plan.add(day, {
      slug: "black-friday-push",
      hours: 18,
      channel: "push",
      topic: "sale",
      audience: { kind: "push" },
      spreadMinutes: 5,
      campaignId,
    });
  }
  if (fromBlackFriday === 3) {
    plan.add(day, {
      slug: "cyber-monday",
      hours: 8,
      channel: "email",
      topic: "sale",
      audience: { kind: "everyone" },
      spreadMinutes: 30,
      campaignId: `black-friday-${year}`,
      subject: "Cyber Monday: sidste chance",
    });
  }
  if (month === 12 && (d === 3 || d === 10)) {
    plan.add(day, {
      slug: "gift-guide",
      hours: 9,
      channel: "email",
      topic: d === 3 ? "kids" : "outdoor",
      audience: { kind: "newsletter" },
      spreadMinutes: 40,
      campaignId: `christmas-${year}`,
      subject: "Gaveguide: julegaver til de aktive",
    });
  }
  if (month === 12 && d === 19) {
    plan.add(day, {
      slug: "last-minute-sms",
      hours: 11,
      channel: "sms",
      topic: null,
      audience: { kind: "sms" },
      spreadMinutes: 10,
      campaignId: `christmas-${year}`,
      subject: "Nå det inden jul: gratis levering i dag",
    });
  }
  if (month === 12 && d === 27) {
    const campaignId = `boxing-sale-${year}`;
    plan.add(day, {
      slug: "boxing-sale",
      hours: 8,
      channel: "email",
      topic: "sale",
      audience: { kind: "everyone" },
      spreadMinutes: 30,
      campaignId,
      subject: "Mellemfest-udsalg er i gang",
    });
    plan.add(day, {
      slug: "boxing-sale-sms",
      hours: 12,
      channel: "sms",
      topic: "sale",
      audience: { kind: "sms" },
      spreadMinutes: 10,
      campaignId,
    });
  }
  if (month === 1 && d === 2) {
    plan.add(day, {
      slug: "january-sale",
      hours: 9,
      channel: "email",
      topic: "sale",
      audience: { kind: "newsletter" },
      spreadMinutes: 40,
      campaignId: `january-sale-${year}`,
      subject: "Januarudsalg: nyt år, nyt udstyr",
    });
  }
  if (month === 6 && day.weekday === 4 && d >= 24) {
    const campaignId = `summer-sale-${year}`;
    plan.add(day, {
      slug: "summer-sale",
      hours: 8,
      channel: "email",
      topic: "sale",
      audience: { kind: "everyone" },
      spreadMinutes: 30,
      campaignId,
      subject: "Sommerudsalg: op til 40 %",
    });
    plan.add(day, {
      slug: "summer-sale-sms",
      hours: 12,
      channel: "sms",
      topic: "sale",
      audience: { kind: "sms" },
      spreadMinutes: 10,
      campaignId,
    });
  }
  if ((month === 11 && d === 10) || (month === 3 && d === 2)) {
    const spring = month === 3;
    plan.add(day, {
      slug: "catalogue",
      hours: 8,
      channel: "direct_mail",
      topic: spring ? "running" : null,
      audience: { kind: "catalogue" },
      spreadMinutes: 2 * 24 * 60,
      campaignId: spring ? `catalogue-spring-${year}` : `catalogue-christmas-${year}`,
      subject: spring ? "Forårskatalog" : "Julekatalog",
    });
  }
  if ((month === 11 && d === 18) || (month === 4 && d === 15)) {
    plan.add(day, {
      slug: "vip-call",
      hours: 10,
      channel: "phone",
      topic: null,
      audience: { kind: "vipCall" },
      spreadMinutes: 7 * 60,
      campaignId: "vip-styling-calls",
      subject: "Personlig stylingaftale",
    });
  }
}
