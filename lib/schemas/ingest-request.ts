import { z } from "zod";

import { EVENT_LIMITS, eventInput } from "./event";

/**
 * The body of `POST /api/v1/events` as JSON, for the API description (lib/openapi). The
 * route reads it with lib/server/ingest/read-body.ts and checks each event with
 * `validateEvent`; these schemas are derived from the same `eventInput`, not written again.
 */

/**
 * An event as a client may send it: `eventInput`, where every optional field may also be
 * null (null means the same as leaving the field out).
 */
export const eventAsSent = z.strictObject(
  Object.fromEntries(
    Object.entries(eventInput.shape).map(([name, schema]) => [
      name,
      schema instanceof z.ZodOptional ? schema.unwrap().nullable().optional() : schema,
    ]),
  ),
);

/** `{"events": [...]}`: more than 1,000 events is a 413, not a validation error. */
export const eventBatch = z.strictObject({
  events: z.array(eventAsSent).max(EVENT_LIMITS.maxEventsPerRequest),
});
