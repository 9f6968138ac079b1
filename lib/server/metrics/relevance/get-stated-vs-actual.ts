import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { StatedVsActual } from "@/lib/metrics/relevance";

import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { rate } from "./relevance-figures";
import { contactedCustomersWithStatedMax } from "./stated-vs-actual-customers";

interface Row {
  stated: bigint;
  off: bigint;
  contacted: bigint;
  withMax: bigint;
  exceeding: bigint;
}

/**
 * Stated vs actual (METRICS.md §3): (a) among the window's contacts with a topic to customers
 * with stated topics in force at the contact, those whose topic is not among them; (b) among
 * contacted customers with a maxPerWeek in force at their last contact in the window, those
 * whose contacts per week exceed it. One pass over the window's contact facts.
 */
export async function getStatedVsActual(db: MetricsClient, params: MetricParams): Promise<StatedVsActual> {
  assertMetricParams(params);
  const [row] = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT COALESCE(SUM(c."statedTopicContacts"), 0)::bigint AS "stated",
      COALESCE(SUM(c."offPreferenceContacts"), 0)::bigint AS "off",
      COUNT(*) AS "contacted", COUNT(c."statedMax") AS "withMax",
      COUNT(*) FILTER (WHERE c."perWeek" > c."statedMax") AS "exceeding"
    FROM (${contactedCustomersWithStatedMax(params)}) c`);
  const contactsWithStatedTopics = Number(row.stated);
  const offPreferenceContacts = Number(row.off);
  const customersWithStatedMax = Number(row.withMax);
  const customersExceeding = Number(row.exceeding);
  return {
    contactsWithStatedTopics,
    offPreferenceContacts,
    offPreferenceShare: rate(offPreferenceContacts, contactsWithStatedTopics),
    contactedCustomers: Number(row.contacted),
    customersWithStatedMax,
    customersExceeding,
    exceedingShare: rate(customersExceeding, customersWithStatedMax),
  };
}
