import "server-only";

import { Prisma, type PrismaClient, type RetentionMode } from "@/lib/generated/prisma/client";
import { sqlInstant } from "@/lib/server/metrics/common/sql-instant";

/**
 * The customer key retention gives anonymised events: `anon_` and 32 random hex digits, drawn
 * afresh for each customer on each run, never derived from the id it replaces.
 */
export const ANONYMOUS_ID_PATTERN = "^anon_[0-9a-f]{32}$";

/**
 * The events a run would act on, as a condition on `"Event" AS e`: those before the cutoff;
 * in anonymise mode only those still under a real customer key, so a second run finds none.
 */
export function oldEvents(workspaceId: number, cutoff: Date, mode: RetentionMode): Prisma.Sql {
  const notYetAnonymous =
    mode === "anonymise" ? Prisma.sql`AND e."customerId" !~ ${ANONYMOUS_ID_PATTERN}` : Prisma.empty;
  return Prisma.sql`e."workspaceId" = ${workspaceId} AND e."ts" < ${sqlInstant(cutoff)} ${notYetAnonymous}`;
}

/** How many events a run with this cutoff and mode would delete or anonymise now. */
export async function countOldEvents(
  prisma: PrismaClient,
  workspaceId: number,
  cutoff: Date,
  mode: RetentionMode,
): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: bigint }[]>(Prisma.sql`
    SELECT count(*) AS count FROM "Event" AS e WHERE ${oldEvents(workspaceId, cutoff, mode)}`);
  return Number(row.count);
}
