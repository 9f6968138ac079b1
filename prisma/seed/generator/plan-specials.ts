import type { Day } from "./calendar";
import type { PlanBuilder, PlannedSend } from "./plan-builder";

interface SpecialSend extends Omit<PlannedSend, "campaignId"> {
  /** Whether it goes out on this day; `fromBlackFriday` is the number of days since Black Friday. */
  on: (day: Day, fromBlackFriday: number | null) => boolean;
  campaign: (day: Day) => string;
}

const everyone = { kind: "everyone" } as const;
const newsletter = { kind: "newsletter" } as const;
const sms = { kind: "sms" } as const;
const onDate = (month: number, dayOfMonth: number) => (d: Day) =>
  d.month === month && d.dayOfMonth === dayOfMonth;
const blackFriday = (d: Day) => `black-friday-${d.year}`;
const christmas = (d: Day) => `christmas-${d.year}`;
const boxing = (d: Day) => `boxing-sale-${d.year}`;
const summer = (d: Day) => `summer-sale-${d.year}`;
const summerSaleDay = (d: Day) => d.month === 6 && d.weekday === 4 && d.dayOfMonth >= 24;

// The retail year: Black Friday week, Christmas, the sales, two catalogues and the VIP calls.
const SPECIALS: readonly SpecialSend[] = [
  {
    on: (_, bf) => bf === 0,
    slug: "black-friday",
    hours: 7,
    channel: "email",
    topic: "sale",
    audience: everyone,
    spreadMinutes: 30,
    campaign: blackFriday,
    subject: "Black Friday: op til 50 % på alt",
  },
  {
    on: (_, bf) => bf === 0,
    slug: "black-friday-sms",
    hours: 12,
    channel: "sms",
    topic: "sale",
    audience: sms,
    spreadMinutes: 10,
    campaign: blackFriday,
  },
  {
    on: (_, bf) => bf === 0,
    slug: "black-friday-push",
    hours: 18,
    channel: "push",
    topic: "sale",
    audience: { kind: "push" },
    spreadMinutes: 5,
    campaign: blackFriday,
  },
  {
    on: (_, bf) => bf === 3,
    slug: "cyber-monday",
    hours: 8,
    channel: "email",
    topic: "sale",
    audience: everyone,
    spreadMinutes: 30,
    campaign: blackFriday,
    subject: "Cyber Monday: sidste chance",
  },
  {
    on: onDate(12, 3),
    slug: "gift-guide",
    hours: 9,
    channel: "email",
    topic: "kids",
    audience: newsletter,
    spreadMinutes: 40,
    campaign: christmas,
    subject: "Gaveguide: julegaver til børnene",
  },
  {
    on: onDate(12, 10),
    slug: "gift-guide",
    hours: 9,
    channel: "email",
    topic: "outdoor",
    audience: newsletter,
    spreadMinutes: 40,
    campaign: christmas,
    subject: "Gaveguide: julegaver til de aktive",
  },
  {
    on: onDate(12, 19),
    slug: "last-minute-sms",
    hours: 11,
    channel: "sms",
    topic: null,
    audience: sms,
    spreadMinutes: 10,
    campaign: christmas,
    subject: "Nå det inden jul: gratis levering i dag",
  },
  {
    on: onDate(12, 27),
    slug: "boxing-sale",
    hours: 8,
    channel: "email",
    topic: "sale",
    audience: everyone,
    spreadMinutes: 30,
    campaign: boxing,
    subject: "Mellemfest-udsalg er i gang",
  },
  {
    on: onDate(12, 27),
    slug: "boxing-sale-sms",
    hours: 12,
    channel: "sms",
    topic: "sale",
    audience: sms,
    spreadMinutes: 10,
    campaign: boxing,
  },
  {
    on: onDate(1, 2),
    slug: "january-sale",
    hours: 9,
    channel: "email",
    topic: "sale",
    audience: newsletter,
    spreadMinutes: 40,
    campaign: (d) => `january-sale-${d.year}`,
    subject: "Januarudsalg: nyt år, nyt udstyr",
  },
  {
    on: summerSaleDay,
    slug: "summer-sale",
    hours: 8,
    channel: "email",
    topic: "sale",
    audience: everyone,
    spreadMinutes: 30,
    campaign: summer,
    subject: "Sommerudsalg: op til 40 %",
  },
  {
    on: summerSaleDay,
    slug: "summer-sale-sms",
    hours: 12,
    channel: "sms",
    topic: "sale",
    audience: sms,
    spreadMinutes: 10,
    campaign: summer,
  },
  {
    on: onDate(11, 10),
    slug: "catalogue",
    hours: 8,
    channel: "direct_mail",
    topic: null,
    audience: { kind: "catalogue" },
    spreadMinutes: 2 * 24 * 60,
    campaign: (d) => `catalogue-christmas-${d.year}`,
    subject: "Julekatalog",
  },
  {
    on: onDate(3, 2),
    slug: "catalogue",
    hours: 8,
    channel: "direct_mail",
    topic: "running",
    audience: { kind: "catalogue" },
    spreadMinutes: 2 * 24 * 60,
    campaign: (d) => `catalogue-spring-${d.year}`,
    subject: "Forårskatalog",
  },
  {
    on: (d) => onDate(11, 18)(d) || onDate(4, 15)(d),
    slug: "vip-call",
    hours: 10,
    channel: "phone",
    topic: null,
    audience: { kind: "vipCall" },
    spreadMinutes: 7 * 60,
    campaign: () => "vip-styling-calls",
    subject: "Personlig stylingaftale",
  },
];

/** Adds the day's seasonal specials. */
export function planSpecials(plan: PlanBuilder, day: Day, fromBlackFriday: number | null): void {
  for (const { on, campaign, ...send } of SPECIALS) {
    if (on(day, fromBlackFriday)) plan.add(day, { ...send, campaignId: campaign(day) });
  }
}
