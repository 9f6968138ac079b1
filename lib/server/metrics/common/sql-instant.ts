import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A bound timestamptz parameter that means the same instant whatever the session time zone.
 * @prisma/adapter-pg sends a Date as a UTC wall-clock string without offset, which PostgreSQL
 * reads in the session's TimeZone (prisma/orm#26786); an ISO string with `Z` cannot be misread.
 */
export function sqlInstant(date: Date): Prisma.Sql {
  return Prisma.sql`CAST(${date.toISOString()} AS timestamptz)`;
}

/** A bound timestamptz[] parameter of the instants, in their order (as sqlInstant, each with `Z`). */
export function sqlInstants(dates: readonly Date[]): Prisma.Sql {
  return Prisma.sql`CAST(${dates.map((date) => date.toISOString())} AS timestamptz[])`;
}
