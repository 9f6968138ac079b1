import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { StatedVsActual } from "@/lib/metrics/relevance";

import { contactFactCondition } from "../common/contact-filter";
import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";
import { getContactTotals } from "../frequency/get-contact-totals";

import { rate } from "./relevance-figures";
import { statedMaxAtLastContact } from "./stated-vs-actual-customers";

interface PreferenceRow {
  stated: bigint;
  off: bigint;
  withMax: bigint;
  exceeding: bigint;
}

/**
 * Stated vs actual (METRICS.md §3): (a) among the window's contacts with a topic to customers
 * with stated topics in force at the contact, those whose topic is not among them; (b) among
 * contacted customers with a maxPerWeek in force at their last contact in the window, those
 * whose contacts per week exceed it.
 *
 * Statements at once: the contacted customers, counted over the window's contacts (by halves
 * of the customers, getContactTotals), and the rest, read from the contacts made under stated
 * preferences only (about one in eight, through their own index). Preferences stay in force
 * once stated (the latest preferences_updated before a send applies to every later send too),
 * so a customer with such a contact in the window has their last contact in the window among
 * them; those whose last one carries a maximum then have their contacts counted one by one.
 */
export async function getStatedVsActual(db: MetricsClient, params: MetricParams): Promise<StatedVsActual> {
  assertMetricParams(params);
  const window = contactFactCondition(params);
  const statedTopics = Prisma.sql`f."topic" IS NOT NULL AND cardinality(f."statedTopics") > 0`;
  const [totals, [row]] = await Promise.all([
    getContactTotals(db, params),
    db.$queryRaw<PreferenceRow[]>(Prisma.sql`
      SELECT COALESCE(SUM(s."stated"), 0)::bigint AS "stated", COALESCE(SUM(s."off"), 0)::bigint AS "off",
        COUNT(s."statedMax") AS "withMax",
        -- Contacts are counted only for the customers with a maximum (CASE: never for the others).
        COUNT(*) FILTER (WHERE CASE WHEN s."statedMax" IS NULL THEN FALSE
          ELSE (SELECT COUNT(*) FROM "ContactFact" f WHERE ${window} AND f."customerId" = s."customerId")::float8
            / ${windowWeeks(params)}::float8 > s."statedMax" END) AS "exceeding"
      FROM (
        SELECT f."customerId",
          COUNT(*) FILTER (WHERE ${statedTopics}) AS "stated",
          COUNT(*) FILTER (WHERE ${statedTopics} AND NOT (f."topic" = ANY(f."statedTopics"))) AS "off",
          ${statedMaxAtLastContact} AS "statedMax"
        FROM "ContactFact" f
        WHERE ${window} AND f."hasPreferences"
        GROUP BY f."customerId"
      ) s`),
  ]);
  const contactsWithStatedTopics = Number(row.stated);
  const offPreferenceContacts = Number(row.off);
  const customersWithStatedMax = Number(row.withMax);
  const customersExceeding = Number(row.exceeding);
  return {
    contactsWithStatedTopics,
    offPreferenceContacts,
    offPreferenceShare: rate(offPreferenceContacts, contactsWithStatedTopics),
    contactedCustomers: totals.contactedCustomers,
    customersWithStatedMax,
    customersExceeding,
    exceedingShare: rate(customersExceeding, customersWithStatedMax),
  };
}
