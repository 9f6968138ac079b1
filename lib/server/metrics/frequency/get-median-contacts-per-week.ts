import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";

import { contactsPerCustomer } from "./frequency-sql";

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
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY p.n) AS median
    FROM (${contactsPerCustomer(params)}) p`);
  return row.median === null ? null : Number(row.median) / windowWeeks(params);
}
