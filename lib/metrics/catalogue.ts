import { z } from "zod";

import { EVENT_TYPES } from "@/lib/events/enums";

import { DEFAULT_AUDIENCE_TRAIT } from "./audience";
import {
  DEFAULT_CONVERSION_WINDOW_DAYS,
  funnelStep,
  MAX_FUNNEL_STEPS,
  MIN_FUNNEL_STEPS,
  pathEvent,
} from "./journeys";
import { jsonParam, listPaging } from "./query";
import { RELEVANCE_LIST_BANDS } from "./relevance";

/**
 * The metrics of the read API (`GET /api/v1/metrics/<name>`), as the API description and the
 * UI see them: a summary, the default window, and the metric's own query parameters (a zod
 * shape merged with the common metric query of lib/metrics/query.ts). The server pairs each
 * with the function computing it (lib/server/metrics/api/metric-registry.ts).
 */
export interface MetricDescriptor<Params extends z.ZodRawShape = z.ZodRawShape> {
  summary: string;
  /** Days in the default window, ending with the day of the latest data. */
  defaultDays: number;
  /** Query parameters of this metric only: strings in a URL, so coerce or JSON-decode them. */
  params: Params;
}

const describe = <Params extends z.ZodRawShape>(descriptor: MetricDescriptor<Params>) => descriptor;

/** Overrides the workspace's frequency cap (contacts per week above which a customer is over-contacted). */
const frequencyCap = {
  frequencyCap: z.coerce
    .number()
    .positive()
    .max(100)
    .optional()
    .describe("Contacts per week above which a customer is over-contacted. Default: the workspace's cap."),
};

export { DEFAULT_FUNNEL } from "./journey-limits";

const eventTypeList = z
  .string()
  .transform((text) => text.split(",").map((type) => type.trim()))
  .pipe(z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length));

/** A funnel's definition: the funnel metric's parameters, and its customer list's. */
const funnelShape = {
  steps: jsonParam(z.array(funnelStep).min(MIN_FUNNEL_STEPS).max(MAX_FUNNEL_STEPS))
    .optional()
    .describe(
      `The steps as a JSON array of {type, channel?, topic?, messageKind?}, ${MIN_FUNNEL_STEPS}–${MAX_FUNNEL_STEPS} of them. Default: message_sent, message_clicked, purchased.`,
    ),
  conversionWindowDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(DEFAULT_CONVERSION_WINDOW_DAYS)
    .describe("Days of 24 hours after the first step within which every later step must happen."),
};

export const METRIC_CATALOGUE = {
  overview: describe({
    summary:
      "The Overview's numbers: contacts, contacted customers, median contacts per week, contacts after opt-out.",
    defaultDays: 28,
    params: {},
  }),
  frequency: describe({
    summary:
      "Contacts per customer per week: median, mean and the customers in each frequency bucket, overall and per channel.",
    defaultDays: 28,
    params: {},
  }),
  saturation: describe({
    summary:
      "The saturation curve: click rate, unsubscribe and complaint shares per frequency bucket, and the fatigue point.",
    defaultDays: 28,
    params: {},
  }),
  "over-contacted": describe({
    summary: "Contacted customers above the frequency cap, and their share.",
    defaultDays: 28,
    params: frequencyCap,
  }),
  silent: describe({
    summary:
      "Customers contacted at least 8 times in the window who never opened, clicked, visited or bought.",
    defaultDays: 28,
    params: {},
  }),
  heatmap: describe({
    summary: "Contact pressure by week: for each ISO week, the contacted customers in each frequency bucket.",
    defaultDays: 84,
    params: {},
  }),
  optout: describe({
    summary:
      "Contacts after opt-out: promotional sends to customers opted out of the channel, by channel, campaign and delay.",
    defaultDays: 28,
    params: {},
  }),
  relevance: describe({
    summary:
      "Mean relevance of the scored contacts, the share below 20, and the coverage (contacts with a score).",
    defaultDays: 28,
    params: {},
  }),
  "relevance-campaigns": describe({
    summary: "Relevance per campaign, least relevant first.",
    defaultDays: 28,
    params: {},
  }),
  "relevance-topics": describe({
    summary: "Relevance per topic.",
    defaultDays: 28,
    params: {},
  }),
  "relevance-distribution": describe({
    summary: "Contacts per relevance band of ten points.",
    defaultDays: 28,
    params: {},
  }),
  "relevance-calibration": describe({
    summary: "Engagement per relevance band: does a higher score mean more clicks?",
    defaultDays: 28,
    params: {},
  }),
  gap: describe({
    summary:
      "The send-vs-want gap: each topic's share of contacts against its share of the customers' interest.",
    defaultDays: 28,
    params: {},
  }),
  "stated-vs-actual": describe({
    summary:
      "Customers with a stated maximum per week: how many were contacted more often, and how much more.",
    defaultDays: 28,
    params: {},
  }),
  audience: describe({
    summary:
      'Campaigns whose id names a value of a customer trait ("dear-vip-autumn" names loyaltyTier vip) and their recipients without it.',
    defaultDays: 28,
    params: {
      trait: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "a trait key: a letter, then letters, digits or _")
        .default(DEFAULT_AUDIENCE_TRAIT)
        .describe("The trait whose values campaign ids are matched against. Default: loyaltyTier."),
    },
  }),
  funnel: describe({
    summary:
      "A funnel of ordered steps within a conversion window: customers per step, conversion, median time.",
    defaultDays: 90,
    params: funnelShape,
  }),
  paths: describe({
    summary: "The paths customers take from an event (start-anchored) or to an event (end-anchored).",
    defaultDays: 90,
    params: {
      anchor: z
        .enum(["start", "end"])
        .default("start")
        .describe("`start`: paths after the first `event`; `end`: paths before the last `event`."),
      event: jsonParam(pathEvent)
        .optional()
        .describe(
          'The anchor event as JSON, e.g. {"type":"purchase"}. Required with anchor=end; default any event.',
        ),
      depth: z.coerce
        .number()
        .int()
        .min(1)
        .max(10)
        .default(5)
        .describe("Steps kept after the start or before the end."),
      types: eventTypeList.optional().describe("Comma-separated event types taking part; default all."),
    },
  }),
  lifecycle: describe({
    summary: "Lifecycle checks: new customers not welcomed within 7 days, opted-out customers not let go.",
    defaultDays: 28,
    params: {},
  }),
  loyalty: describe({
    summary:
      "Loyalty health: the index and its parts (repeat purchase, active, at-risk, engaged, over-contacted, relevance).",
    defaultDays: 365,
    params: frequencyCap,
  }),
  "loyalty-trend": describe({
    summary: "The loyalty index at the end of each of the last 12 calendar months.",
    defaultDays: 365,
    params: frequencyCap,
  }),
  "loyalty-pressure": describe({
    summary: "Loyalty by contact pressure: repeat purchase, at-risk and unsubscribes per frequency bucket.",
    defaultDays: 365,
    params: {},
  }),
  cohorts: describe({
    summary: "Monthly first-purchase cohorts and the share buying again in each following month.",
    defaultDays: 365,
    params: {},
  }),
  "segment-size": describe({
    summary:
      "How many of the workspace's customers the segment holds in the window, out of all its customers.",
    defaultDays: 28,
    params: {},
  }),
};

export type MetricName = keyof typeof METRIC_CATALOGUE;
export const METRIC_NAMES = Object.keys(METRIC_CATALOGUE) as MetricName[];

/**
 * The customer-level lists behind some metrics (`GET /api/v1/metrics/<name>/customers`): who is
 * counted. They need a role that may see customers; an API key's `read` scope does not.
 */
export const CUSTOMER_LIST_CATALOGUE = {
  funnel: describe({
    summary: "The customers who reached one step of a funnel, in the order they reached it.",
    defaultDays: 90,
    params: {
      ...funnelShape,
      step: z.coerce
        .number()
        .int()
        .min(1)
        .max(MAX_FUNNEL_STEPS)
        .describe("Which step's customers (1 = entered the funnel)."),
      ...listPaging.shape,
    },
  }),
  optout: describe({
    summary: "The contacts after opt-out, newest first: customer, send, campaign and the opt-out it broke.",
    defaultDays: 28,
    params: listPaging.shape,
  }),
  relevance: describe({
    summary:
      "The customers with contacts in one relevance band of the window, most such contacts first: the customers behind a bar of the distribution or the calibration.",
    defaultDays: 28,
    params: {
      band: z
        .enum(RELEVANCE_LIST_BANDS)
        .describe('A band of 10 points ("0-10" … "90-100", 100 in the last), or "none": a topic but no signal.'),
      ...listPaging.shape,
    },
  }),
  silent: describe({
    summary: "The silent customers: most contacts first.",
    defaultDays: 28,
    params: listPaging.shape,
  }),
  "stated-vs-actual": describe({
    summary: "Customers contacted more often than their stated maximum, the largest excess first.",
    defaultDays: 28,
    params: listPaging.shape,
  }),
  lifecycle: describe({
    summary: "The customers failing a lifecycle check: new ones not welcomed, or opted-out ones not let go.",
    defaultDays: 28,
    params: {
      check: z.enum(["not-welcomed", "not-let-go"]).describe("Which check's customers."),
      ...listPaging.shape,
    },
  }),
};

export type CustomerListName = keyof typeof CUSTOMER_LIST_CATALOGUE;
