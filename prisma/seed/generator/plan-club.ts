import type { Calendar, Day } from "./calendar";
import type { PlanBuilder } from "./plan-builder";
import type { Topic } from "./topics";
import type { MessageChannel } from "./types";

interface ClubSlot {
  weekday: number;
  hours: number;
  channel: MessageChannel;
  slug: string;
  campaignId: string;
  /** Fixed topic, "offer" for a rotating offer topic, "challenge" for the week's challenge, or none. */
  topic: Topic | "offer" | "challenge" | null;
  subject: string;
}

// The club programme adds slots as it "grows": 3 a week at launch, 9 a week at the end.
const SLOTS: readonly ClubSlot[] = [
  {
    weekday: 1,
    hours: 7.5,
    channel: "push",
    slug: "club-points",
    campaignId: "club-points",
    topic: null,
    subject: "Du har nye point",
  },
  {
    weekday: 3,
    hours: 12,
    channel: "push",
    slug: "club-offer",
    campaignId: "club-offers",
    topic: "offer",
    subject: "Medlemstilbud",
  },
  {
    weekday: 5,
    hours: 16,
    channel: "push",
    slug: "club-weekend",
    campaignId: "club-offers",
    topic: "offer",
    subject: "Weekendtilbud til medlemmer",
  },
  {
    weekday: 2,
    hours: 9.5,
    channel: "email",
    slug: "club-news",
    campaignId: "club-news",
    topic: "offer",
    subject: "Nordlys Club: nyt til medlemmer",
  },
  {
    weekday: 6,
    hours: 9,
    channel: "in_app",
    slug: "club-challenge",
    campaignId: "club-challenges",
    topic: "challenge",
    subject: "Ugens udfordring",
  },
  {
    weekday: 4,
    hours: 11,
    channel: "sms",
    slug: "club-flash",
    campaignId: "club-flash",
    topic: "sale",
    subject: "Flash-tilbud i 24 timer",
  },
  {
    weekday: 7,
    hours: 18,
    channel: "push",
    slug: "club-streak",
    campaignId: "club-points",
    topic: null,
    subject: "Hold din streak i gang",
  },
  {
    weekday: 4,
    hours: 19,
    channel: "email",
    slug: "club-drop",
    campaignId: "club-news",
    topic: "offer",
    subject: "Medlemsdrop: kun i dag",
  },
  {
    weekday: 2,
    hours: 18,
    channel: "push",
    slug: "club-reminder",
    campaignId: "club-points",
    topic: null,
    subject: "Husk dine medlemsfordele",
  },
];

/** The loyalty club's sends of one day (finding a): its slots of the week that fall on this weekday. */
export function planClubWeek(plan: PlanBuilder, day: Day, calendar: Calendar): void {
  const week = Math.floor(day.index / 7);
  const weekStart = calendar.days[week * 7].start;
  const progress = (weekStart - calendar.start) / (calendar.end - calendar.start);
  // A steady ramp from 3 to 9 slots: whole slots plus a dithered fraction, so no month stands still.
  const slots = Math.min(SLOTS.length, Math.floor(3 + 6.5 * progress + ((week * 0.618034) % 1)));
  for (const [i, slot] of SLOTS.slice(0, slots).entries()) {
    if (slot.weekday !== day.weekday) continue;
    const topic =
      slot.topic === "offer"
        ? (week + i) % 2 === 0
          ? "football"
          : plan.seasonalTopic(day.month)
        : slot.topic === "challenge"
          ? (["fitness", "running"] as const)[week % 2]
          : slot.topic;
    plan.add(day, {
      slug: slot.slug,
      hours: slot.hours,
      channel: slot.channel,
      topic,
      audience: { kind: "club" },
      spreadMinutes: 5,
      campaignId: slot.campaignId,
      subject: slot.subject,
    });
  }
}
