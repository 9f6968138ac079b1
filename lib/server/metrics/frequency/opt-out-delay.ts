import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Seconds (numeric, exact to the millisecond) from a violating fact's latest opt-out to its
 * send, on the ContactFact alias given. Subtracting two timestamptz counts whole days as 24 h.
 */
export function delaySeconds(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXTRACT(EPOCH FROM ${alias}."ts" - ${alias}."optedOutAt")`;
}
