import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { contactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

/**
 * Median over contacted customers of contacts / weeks, with weeks = (to − from) / 7 days.
 * An even count takes the mean of the two middle values; null when nobody was contacted.
 */
export async function getMedianContactsPerWeek(
  db: MetricsClient,
  params: MetricParams,
): Promise<number | null> {
  assertMetricParams(params);
  const [row] = await db.$queryRaw<{ median: number | null }[]>(Prisma.sql`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY per_customer.contacts)
      / (EXTRACT(EPOCH FROM ${sqlInstant(params.to)} - ${sqlInstant(params.from)}) / 604800)::float8
      AS median
    FROM (
      SELECT COUNT(*) AS contacts
      FROM "Event" e
      WHERE ${contactCondition(params)}
      GROUP BY e."customerId"
    ) per_customer`);
  return row.median === null ? null : Number(row.median);
}
