import { type Day, DAY } from "./calendar";
import { DEAR_VIP_CAMPAIGN, type Findings } from "./findings";
import { campaignFor, type PlanBuilder } from "./plan-builder";
import type { InAppCampaign } from "./plan-types";
import { TOPIC_LABEL } from "./topics";

/** Deal alerts (finding f), the monthly win-back run and the "Dear VIP" mailing (finding e). */
export function planProgrammes(plan: PlanBuilder, day: Day, findings: Findings): void {
  const dealDay = day.weekday === 1 || day.weekday === 3 || day.weekday === 5 || day.weekday === 7;
  if (dealDay && day.start >= findings.dealAlerts.from) {
    const topic = plan.rng.chance(0.5) ? "sale" : plan.seasonalTopic(day.month, ["trail-running", "sale"]);
    const subject = `Dagens deal: ${TOPIC_LABEL[topic].label}`;
    plan.add(day, {
      slug: "deal-alert",
      hours: 8,
      channel: "email",
      topic,
      audience: { kind: "deals" },
      spreadMinutes: 10,
      campaignId: "deal-alerts",
      subject,
    });
  }
  if (day.weekday === 3 && day.dayOfMonth <= 7) {
    const subject = "Vi savner dig – her er 15 % rabat";
    plan.add(day, {
      slug: "win-back",
      hours: 10,
      channel: "email",
      topic: null,
      audience: { kind: "winBack" },
      spreadMinutes: 20,
      campaignId: "win-back",
      kind: "lifecycle",
      subject,
    });
  }
  if (findings.dearVip.at >= day.start && findings.dearVip.at < day.start + DAY) {
    const subject = "Kære VIP – din private efterårsforhåndsvisning";
    plan.add(day, {
      slug: "dear-vip",
      hours: 10,
      channel: "email",
      topic: "outdoor",
      audience: { kind: "dearVip" },
      spreadMinutes: 30,
      campaignId: DEAR_VIP_CAMPAIGN,
      subject,
    });
  }
}

/** The week's in-app banner, shown in app sessions from Monday on. */
export function inAppBanner(plan: PlanBuilder, day: Day): InAppCampaign {
  const topic = plan.promoTopic(day.month, 0.3);
  return {
    from: day.start,
    spec: {
      messageId: `m-${day.date}-app-banner`,
      campaignId: campaignFor(topic, day),
      channel: "in_app",
      kind: "promotional",
      topic,
      properties: JSON.stringify({ title: `${TOPIC_LABEL[topic].label}: Se ugens udvalg` }),
    },
  };
}
