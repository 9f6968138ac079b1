import { createParser, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";

import { CHANNELS, EVENT_TYPES } from "@/lib/events/enums";
import {
  DEFAULT_CONVERSION_WINDOW_DAYS,
  DEFAULT_FUNNEL,
  DEFAULT_PATH_DEPTH,
  MAX_FUNNEL_STEPS,
  MIN_FUNNEL_STEPS,
  TOPIC_SLUG,
} from "@/lib/metrics/journey-limits";
import type { FunnelStep } from "@/lib/metrics/journeys";

/** Path depths offered: steps after the start or before the end (the API allows up to 10). */
export const PATH_DEPTHS = [2, 3, 4, 5, 6] as const;
export type PathDepth = (typeof PATH_DEPTHS)[number];
export const MAX_CONVERSION_WINDOW_DAYS = 365;

const isOneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (values as readonly string[]).includes(value);

const serializeStep = (step: FunnelStep) =>
  [step.type, step.channel ?? "", step.topic ?? ""].join(":").replace(/:+$/, "");

const serializeSteps = (steps: readonly FunnelStep[]) => steps.map(serializeStep).join(",");

/**
 * A funnel's steps as `type[:channel[:topic]]`, comma-separated, e.g.
 * `message_sent:email,message_clicked::running,purchased` — readable in a shared link. Each
 * step is checked against the event types, channels and topic slugs the API accepts (without
 * zod, which the browser need not load: the API validates every request with its schema); an
 * invalid list parses as null (the default funnel).
 */
export const parseAsFunnelSteps = createParser<FunnelStep[]>({
  parse(value: string) {
    const parts = value.split(",");
    if (parts.length < MIN_FUNNEL_STEPS || parts.length > MAX_FUNNEL_STEPS) return null;
    const steps: FunnelStep[] = [];
    for (const part of parts) {
      const [type, channel, topic] = part.split(":");
      if (!isOneOf(EVENT_TYPES, type)) return null;
      if (channel && !isOneOf(CHANNELS, channel)) return null;
      if (topic && (topic.length > 64 || !TOPIC_SLUG.test(topic))) return null;
      steps.push({ type, ...(channel ? { channel } : {}), ...(topic ? { topic } : {}) } as FunnelStep);
    }
    return steps;
  },
  serialize: serializeSteps,
  eq: (a, b) => serializeSteps(a) === serializeSteps(b),
});

/** Whole days from 1 to 365. */
const parseAsConversionDays = createParser<number>({
  parse(value: string) {
    if (!/^\d{1,3}$/.test(value)) return null;
    const days = Number(value);
    return days >= 1 && days <= MAX_CONVERSION_WINDOW_DAYS ? days : null;
  },
  serialize: (days: number) => String(days),
});

/** The funnel builder's view state in the URL: `?steps=…&conversionDays=14`. */
export const funnelParsers = {
  steps: parseAsFunnelSteps.withDefault([...DEFAULT_FUNNEL]),
  conversionDays: parseAsConversionDays.withDefault(DEFAULT_CONVERSION_WINDOW_DAYS),
};

/** The end event a path explorer turned to "leading to" starts from when none is chosen. */
export const DEFAULT_END_EVENT = "unsubscribed" as const;

/** The path explorer's view state in the URL: `?pathAnchor=end&pathEvent=unsubscribed&pathDepth=5`. */
export const pathParsers = {
  pathAnchor: parseAsStringLiteral(["start", "end"] as const).withDefault("start"),
  pathEvent: parseAsStringLiteral(EVENT_TYPES),
  pathChannel: parseAsStringLiteral(CHANNELS),
  pathDepth: parseAsNumberLiteral(PATH_DEPTHS).withDefault(DEFAULT_PATH_DEPTH as PathDepth),
};
