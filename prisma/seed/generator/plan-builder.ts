import type { MessageKind } from "@/lib/generated/prisma/client";

import { type Calendar, type Day, atLocal } from "./calendar";
import type { Findings } from "./findings";
import type { Audience, PlannedMessage } from "./plan-types";
import type { Random } from "./prng";
import { INTEREST_WEIGHT, seasonFactor, TOPIC_LABEL, TOPICS, type Topic } from "./topics";
import type { MessageChannel } from "./types";

const PHRASES = [
  "Ugens nyheder",
  "Klar til sæsonen",
  "Nyt i butikken",
  "Udvalgt til dig",
  "Tips og inspiration",
];

export interface PlannedSend {
  /** Short name, unique per day, used in the messageId. */
  slug: string;
  hours: number;
  channel: MessageChannel;
  topic: Topic | null;
  audience: Audience;
  /** Minutes over which the recipients' sends are spread. */
  spreadMinutes: number;
  campaignId?: string;
  kind?: MessageKind;
  subject?: string;
}

/** Collects planned messages for a calendar, naming them consistently. */
export class PlanBuilder {
  readonly messages: PlannedMessage[] = [];

  constructor(
    private readonly calendar: Calendar,
    private readonly findings: Findings,
    readonly rng: Random,
  ) {}

  add(day: Day, send: PlannedSend): void {
    const at = atLocal(day, send.hours);
    if (at < this.calendar.start || at >= this.calendar.end) return;
    const kind = send.kind ?? "promotional";
    const bug = this.findings.suppressionBug;
    this.messages.push({
      index: 0,
      messageId: `m-${day.date}-${send.slug}`,
      campaignId: send.campaignId ?? campaignFor(send.topic, day),
      channel: send.channel,
      kind,
      topic: send.topic,
      properties: describe(send, this.rng),
      at,
      spread: send.spreadMinutes * 60_000,
      audience: send.audience,
      leaky: kind === "promotional" && send.channel === "email" && at >= bug.start && at < bug.end,
    });
  }

  /** A topic in season, weighted like customer interest but skewed by what the shop wants to push. */
  seasonalTopic(month: number, exclude: readonly Topic[] = ["football", "trail-running", "sale"]): Topic {
    const weights = TOPICS.map((t) =>
      exclude.includes(t) ? 0 : INTEREST_WEIGHT[t] * seasonFactor(t, month) ** 2,
    );
    return TOPICS[this.rng.weighted(weights)];
  }

  /** Football (the shop's sponsorship, pushed hard) with probability `footballShare`, else a topic in season. */
  promoTopic(month: number, footballShare: number): Topic {
    return this.rng.chance(footballShare) ? "football" : this.seasonalTopic(month);
  }

  /** Messages sorted by send start, numbered in that order. */
  finish(): PlannedMessage[] {
    this.messages.sort((a, b) => a.at - b.at || (a.messageId < b.messageId ? -1 : 1));
    this.messages.forEach((m, i) => (m.index = i));
    return this.messages;
  }
}

/** "football-autumn-2026": one campaign per topic and season. */
export function campaignFor(topic: Topic | null, day: Day): string {
  const season =
    day.month === 12
      ? `winter-${day.year + 1}`
      : day.month <= 2
        ? `winter-${day.year}`
        : day.month <= 5
          ? `spring-${day.year}`
          : day.month <= 8
            ? `summer-${day.year}`
            : `autumn-${day.year}`;
  return `${topic ?? "general"}-${season}`;
}

function describe(send: PlannedSend, rng: Random): string {
  const label = send.topic ? TOPIC_LABEL[send.topic].label : "Nordlys Sport";
  const text = send.subject ?? `${label}: ${rng.pick(PHRASES)}`;
  switch (send.channel) {
    case "email":
      return JSON.stringify({ subject: text });
    case "direct_mail":
      return JSON.stringify({ piece: text });
    case "phone":
      return JSON.stringify({ script: text });
    default:
      return JSON.stringify({ title: text });
  }
}
