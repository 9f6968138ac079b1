import { z } from "zod";

import { key } from "./event-fields";

/** Erasure modes (docs/security.md, "Data-subject requests"). */
export const ERASURE_MODES = ["delete", "anonymise"] as const;
export type ErasureMode = (typeof ERASURE_MODES)[number];

/** A customer id as an admin types it: the event schema's length limit, surrounding spaces dropped. */
export const dsrCustomerId = z.string().trim().pipe(key());

export const eraseCustomerInput = z.strictObject({
  customerId: dsrCustomerId,
  mode: z.enum(ERASURE_MODES, { error: () => `must be one of ${ERASURE_MODES.join(", ")}` }),
});
export type EraseCustomerInput = z.infer<typeof eraseCustomerInput>;

/** A suppression list entry: the SHA-256 (hex) of the workspace and customer id. */
export const liftSuppressionInput = z.strictObject({
  customerHash: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hash in hex"),
});
export type LiftSuppressionInput = z.infer<typeof liftSuppressionInput>;
