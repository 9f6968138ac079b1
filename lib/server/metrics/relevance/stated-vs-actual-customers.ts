import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { contactFactCondition } from "../common/contact-filter";
import { type MetricParams, windowWeeks } from "../common/metric-params";

// The same aggregate twice: the database computes it once.
const latest = Prisma.sql`MAX(ARRAY[EXTRACT(EPOCH FROM f."ts")::float8, f."statedMaxPerWeek"])
  FILTER (WHERE f."statedMaxPerWeek" IS NOT NULL)`;

/**
 * Per customer (an aggregate over their contact facts `f` of the window): the maxPerWeek in
 * force at their last contact, from the greatest [time, maximum] pair among contacts with one;
 * null when that pair is not at the last contact's time.
 */
export const statedMaxAtLastContact = Prisma.sql`CASE WHEN (${latest})[1] = EXTRACT(EPOCH FROM MAX(f."ts"))::float8
  THEN (${latest})[2] END`;

/**
 * The window's contacted customers (channel and segment filtered), one row each: `contacts`,
 * `perWeek` (contacts / weeks), `lastContactAt`, `statedMax` — the maxPerWeek in force at their
 * last contact in the window, null without one (statedMaxAtLastContact). Contacts at the same
 * instant share the preferences in force, so the last contact's maximum is well defined; a
 * hash aggregate finds the greatest [time, maximum] pair without sorting, and few contacts
 * carry one, so few pairs are built.
 */
export function contactedCustomersWithStatedMax(params: MetricParams): Prisma.Sql {
  return Prisma.sql`SELECT f."customerId", COUNT(*) AS "contacts",
      COUNT(*)::float8 / ${windowWeeks(params)}::float8 AS "perWeek",
      MAX(f."ts") AS "lastContactAt",
      ${statedMaxAtLastContact} AS "statedMax"
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)}
    GROUP BY f."customerId"`;
}
