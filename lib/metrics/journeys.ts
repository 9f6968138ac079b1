import { z } from "zod";

import { CHANNELS, EVENT_TYPES, MESSAGE_KINDS } from "@/lib/events/enums";

import {
  DEFAULT_CONVERSION_WINDOW_DAYS,
  DEFAULT_PATH_DEPTH,
  MAX_FUNNEL_STEPS,
  MIN_FUNNEL_STEPS,
  TOPIC_SLUG,
} from "./journey-limits";

export {
  DEFAULT_CONVERSION_WINDOW_DAYS,
  DEFAULT_FUNNEL,
  DEFAULT_PATH_DEPTH,
  MAX_FUNNEL_STEPS,
  MIN_FUNNEL_STEPS,
  PATH_END,
  PATH_LABEL_SEPARATOR,
  PATH_LABELS_PER_STEP,
  PATH_OTHER,
  WELCOME_DAYS,
} from "./journey-limits";

/**
 * Parameters and result types of the journey metrics (docs/metrics.md §3): funnels, paths and
 * lifecycle checks, shared by the metric functions, the API and the UI. Instants are ISO
 * strings; rates are fractions (0–1), null over a zero denominator.
 */

const eventType = z.enum(EVENT_TYPES);
const channel = z.enum(CHANNELS);
const topic = z.string().regex(TOPIC_SLUG, "a lower-case topic slug").max(64);

// --- Funnel -------------------------------------------------------------------------------

/** One funnel step: an event type, optionally narrowed to a channel, a topic and a messageKind. */
export const funnelStep = z.object({
  type: eventType,
  channel: channel.optional(),
  /** Matches the event's topic (a message event's own, else its send's) or one of its topics. */
  topic: topic.optional(),
  messageKind: z.enum(MESSAGE_KINDS).optional(),
});
export type FunnelStep = z.infer<typeof funnelStep>;

export const funnelParams = z.object({
  steps: z.array(funnelStep).min(MIN_FUNNEL_STEPS).max(MAX_FUNNEL_STEPS),
  /** Days of 24 h after the entry within which every later step must happen. */
  conversionWindowDays: z.coerce.number().int().min(1).max(365).default(DEFAULT_CONVERSION_WINDOW_DAYS),
});
export type FunnelParams = z.infer<typeof funnelParams>;

export interface FunnelStepResult {
  /** 1-based position of the step. */
  step: number;
  definition: FunnelStep;
  /** Customers who reached this step. */
  customers: number;
  /** customers / customers of step 1. */
  conversionFromFirst: number | null;
  /** customers / customers of the previous step; null for step 1. */
  conversionFromPrevious: number | null;
  /** Median seconds from the previous step's event to this step's; null for step 1 or nobody. */
  medianSecondsFromPrevious: number | null;
}

export interface FunnelResult {
  conversionWindowDays: number;
  steps: FunnelStepResult[];
}

// --- Paths --------------------------------------------------------------------------------

/** The event a path starts at (start anchor) or ends in (end anchor). */
export const pathEvent = z.object({ type: eventType, channel: channel.optional() });
export type PathEvent = z.infer<typeof pathEvent>;

export const pathsParams = z
  .object({
    anchor: z.enum(["start", "end"]).default("start"),
    /** Start: default any event; end: required. */
    event: pathEvent.optional(),
    /** Steps kept after the start (or before the end). */
    depth: z.coerce.number().int().min(1).max(10).default(DEFAULT_PATH_DEPTH),
    /** Only these event types take part; default all. */
    types: z.array(eventType).min(1).optional(),
  })
  .refine((params) => params.anchor === "start" || params.event !== undefined, {
    message: "an end-anchored path needs an end event",
    path: ["event"],
  });
export type PathsParams = z.infer<typeof pathsParams>;

export interface PathNode {
  /** 1-based position: start-anchored paths start at 1; end-anchored ones end at depth + 1. */
  step: number;
  label: string;
  customers: number;
}

export interface PathLink {
  /** The source's step; the target is at step + 1. */
  step: number;
  source: string;
  target: string;
  customers: number;
}

export interface PathsResult {
  anchor: "start" | "end";
  depth: number;
  /** Customers with a path (an anchor event in the window). */
  customers: number;
  nodes: PathNode[];
  links: PathLink[];
}

// --- Lifecycle checks ---------------------------------------------------------------------

export interface LifecycleChecks {
  notWelcomed: {
    /** Customers who joined in the window (the earlier of first event and signupDate). */
    newCustomers: number;
    /** New customers without a lifecycle message_sent within 7 days of joining. */
    customers: number;
    /** customers / newCustomers. */
    share: number | null;
  };
  notLetGo: {
    /** Customers with a promotional contact in the window while opted out of every channel. */
    customers: number;
    /** Those contacts. */
    contacts: number;
  };
}

export interface NotWelcomedCustomer {
  customerId: string;
  /** The earlier of the first event and the signupDate's midnight (workspace zone). */
  joinedAt: string;
  firstSeenAt: string;
  /** The signupDate trait as given (YYYY-MM-DD), if any. */
  signupDate: string | null;
}

export interface NotLetGoCustomer {
  customerId: string;
  /** Promotional contacts in the window made while opted out of every channel. */
  contacts: number;
  firstContactAt: string;
  lastContactAt: string;
  /** The opt-out from every channel in force at the first of those contacts. */
  optedOutAt: string;
}

export interface FunnelCustomer {
  customerId: string;
  /** Their first step-1 event in the window: when they entered the funnel. */
  enteredAt: string;
  /** The event that filled the step asked for. */
  reachedAt: string;
}

export interface CustomerList<Row> {
  /** Rows in all, over every page. */
  total: number;
  rows: Row[];
}
