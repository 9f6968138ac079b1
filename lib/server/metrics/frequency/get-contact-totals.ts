import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { contactFactCondition } from "../common/contact-filter";
import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";

/** The window's contacts, the customers they reached and the median contacts per week. */
export interface ContactTotals {
  /** Non-transactional message_sent events in the window (docs/metrics.md). */
  contacts: number;
  /** Customers with at least one contact in the window. */
  contactedCustomers: number;
  /**
   * Median over contacted customers of contacts / weeks, weeks = (to − from) / 7 days; an even
   * count takes the mean of the two middle values; null when nobody was contacted.
   */
  medianContactsPerWeek: number | null;
}

/** The three totals from one pass over the window's contacts, grouped per customer once. */
export async function getContactTotals(db: MetricsClient, params: MetricParams): Promise<ContactTotals> {
  assertMetricParams(params);
  const [row] = await db.$queryRaw<{ contacts: bigint | null; customers: bigint; median: number | null }[]>(
    Prisma.sql`
    SELECT CAST(SUM(p.n) AS bigint) AS contacts, COUNT(*) AS customers,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY p.n) AS median
    FROM (
      SELECT COUNT(*) AS n FROM "ContactFact" f
      WHERE ${contactFactCondition(params)}
      GROUP BY f."customerId"
    ) p`,
  );
  return {
    contacts: Number(row.contacts ?? 0),
    contactedCustomers: Number(row.customers),
    medianContactsPerWeek: row.median === null ? null : Number(row.median) / windowWeeks(params),
  };
}
