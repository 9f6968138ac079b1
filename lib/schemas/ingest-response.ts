import { z } from "zod";

/** The answer to `POST /api/v1/events` (docs/api.md): what was stored, repeated, refused. */

const count = z.number().int().min(0);

/** A refused event: its 0-based position in the batch and every reason, `"<field>: <reason>"`. */
export const rejectedEvent = z.strictObject({
  index: count,
  errors: z.array(z.string()).min(1),
});
export type RejectedEvent = z.infer<typeof rejectedEvent>;

/** `accepted + duplicates + rejected.length` is the number of events sent. */
export const ingestResponse = z.strictObject({
  accepted: count,
  duplicates: count,
  rejected: z.array(rejectedEvent),
});
export type IngestResponse = z.infer<typeof ingestResponse>;
