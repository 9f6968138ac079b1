import { z } from "zod";

import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN } from "@/lib/retention/cutoff";

export const RETENTION_MODES = ["delete", "anonymise"] as const;
export type RetentionModeName = (typeof RETENTION_MODES)[number];

/** A workspace's retention policy: months null keeps events forever. */
export const retentionPolicyInput = z.object({
  months: z
    .number({ message: "must be a whole number of months" })
    .int("must be a whole number of months")
    .min(RETENTION_MONTHS_MIN, `at least ${RETENTION_MONTHS_MIN} month`)
    .max(RETENTION_MONTHS_MAX, `at most ${RETENTION_MONTHS_MAX} months`)
    .nullable(),
  mode: z.enum(RETENTION_MODES, { message: "must be delete or anonymise" }),
});
export type RetentionPolicyInput = z.infer<typeof retentionPolicyInput>;
