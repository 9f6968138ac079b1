import { buildCalendar, type Calendar, localToUtc } from "./calendar";
import { createCustomerContext, createProfile } from "./customers";
import { type DerivedRows, deriveRows } from "./derive";
import { plantFindings, type Findings } from "./findings";
import { MessageCatalogue } from "./message-catalogue";
import { buildPlan } from "./plan";
import type { Plan } from "./plan-types";
import type { SimContext } from "./state";
import { simulateCustomer } from "./timeline";
import type { DemoEvent } from "./types";

export interface GeneratorOptions {
  customers: number;
  months: number;
  seed: number;
  end: Date;
  timeZone: string;
}

export interface GeneratedCustomer {
  id: string;
  events: DemoEvent[];
  rows: DerivedRows;
}

export interface DemoGenerator {
  calendar: Calendar;
  findings: Findings;
  plan: Plan;
  /** Filled as customers are generated: complete once `customers()` is exhausted. */
  catalogue: MessageCatalogue;
  /** Customers one at a time, so that only one customer's events are held at once. */
  customers(): Generator<GeneratedCustomer>;
}

export function createDemoGenerator(options: GeneratorOptions): DemoGenerator {
  const calendar = buildCalendar(options.end, options.months, options.timeZone);
  const findings = plantFindings(calendar, options.months);
  const plan = buildPlan(calendar, findings, options.seed);
  const catalogue = new MessageCatalogue();
  const ctx: SimContext = {
    calendar,
    findings,
    plan,
    catalogue,
    seed: options.seed,
    tierReviews: tierReviews(calendar),
    clubMessages: plan.messages.filter((m) => m.audience.kind === "club"),
  };
  const customerContext = createCustomerContext(calendar, findings, options.seed, options.customers);
  return {
    calendar,
    findings,
    plan,
    catalogue,
    *customers() {
      for (let i = 0; i < options.customers; i++) {
        const profile = createProfile(i, customerContext);
        const events = simulateCustomer(profile, ctx);
        yield { id: profile.id, events, rows: deriveRows(profile.id, events) };
      }
    },
  };
}

/** 06:00 local on the first day of each quarter. */
function tierReviews(calendar: Calendar): number[] {
  return calendar.days
    .filter((d) => d.dayOfMonth === 1 && (d.month - 1) % 3 === 0)
    .map((d) => localToUtc(d.year, d.month, d.dayOfMonth, 6, calendar.timeZone))
    .filter((t) => t > calendar.start && t < calendar.end);
}
