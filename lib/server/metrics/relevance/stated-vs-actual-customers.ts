import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { contactFactCondition } from "../common/contact-filter";
import { type MetricParams, windowWeeks } from "../common/metric-params";

/**
 * The window's contacted customers (channel and segment filtered), one row each: `contacts`,
 * `perWeek` (contacts / weeks), `lastContactAt`, `statedMax` — the maxPerWeek in force at their
 * last contact in the window, null without one — and, for stated vs actual (a), their contacts
 * with a topic under stated topics in force (`statedTopicContacts`) and those off these topics
 * (`offPreferenceContacts`). Contacts at the same instant share the preferences in force, so
 * the last contact's maximum is well defined. It is read from the greatest [time, maximum]
 * pair among contacts with a maximum (a hash aggregate finds it without sorting; few contacts
 * carry one, so few pairs are built): it holds at the last contact when its time is the last.
 */
export function contactedCustomersWithStatedMax(params: MetricParams): Prisma.Sql {
  // The same aggregate twice: the database computes it once.
  const latest = Prisma.sql`MAX(ARRAY[EXTRACT(EPOCH FROM f."ts")::float8, f."statedMaxPerWeek"])
    FILTER (WHERE f."statedMaxPerWeek" IS NOT NULL)`;
  return Prisma.sql`SELECT f."customerId", COUNT(*) AS "contacts",
      COUNT(*)::float8 / ${windowWeeks(params)}::float8 AS "perWeek",
      MAX(f."ts") AS "lastContactAt",
      CASE WHEN (${latest})[1] = EXTRACT(EPOCH FROM MAX(f."ts"))::float8 THEN (${latest})[2] END AS "statedMax",
      COUNT(*) FILTER (WHERE f."topic" IS NOT NULL AND cardinality(f."statedTopics") > 0) AS "statedTopicContacts",
      COUNT(*) FILTER (WHERE f."topic" IS NOT NULL AND cardinality(f."statedTopics") > 0
        AND NOT (f."topic" = ANY(f."statedTopics"))) AS "offPreferenceContacts"
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)}
    GROUP BY f."customerId"`;
}
