import type { FunnelStep } from "./journeys";

/**
 * The journey metrics' constants, apart from their zod schemas (lib/metrics/journeys.ts) so
 * that the browser can use them without loading zod.
 */

export const MIN_FUNNEL_STEPS = 2;
export const MAX_FUNNEL_STEPS = 8;
export const DEFAULT_CONVERSION_WINDOW_DAYS = 14;
/** A funnel nobody configured: contact, click, purchase. */
export const DEFAULT_FUNNEL: readonly FunnelStep[] = [
  { type: "message_sent" },
  { type: "message_clicked" },
  { type: "purchased" },
];

export const DEFAULT_PATH_DEPTH = 5;
export const PATH_LABELS_PER_STEP = 12;
/** The label after a path's last event when nothing follows it in the window. */
export const PATH_END = "(end)";
/** The label standing for the less frequent labels of a step. */
export const PATH_OTHER = "other";
/** Joins a message event's channel and type in its label: `email · message_sent`. */
export const PATH_LABEL_SEPARATOR = " · ";

/** Days of 24 h after joining within which a lifecycle message welcomes a new customer. */
export const WELCOME_DAYS = 7;

/** A topic slug as the API accepts it (the zod schema says the same). */
export const TOPIC_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
