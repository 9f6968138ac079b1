import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { contactFactCondition } from "../common/contact-filter";
import { inCustomerRange, rowsPerCustomerHalf } from "../common/customer-ranges";
import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";

import { contactsHistogram, medianOfHistogram } from "./contacts-histogram";

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

/**
 * The three totals from how many customers had each count of contacts in the window: one
 * grouping per customer, over each half of the customers at once (customer-ranges.ts), whose
 * histograms add up; the median follows from the histogram as percentile_cont(0.5) would.
 */
export async function getContactTotals(db: MetricsClient, params: MetricParams): Promise<ContactTotals> {
  assertMetricParams(params);
  const rows = await rowsPerCustomerHalf<{ n: bigint; customers: bigint }>(
    db,
    (customers) => Prisma.sql`
      SELECT p.n, COUNT(*) AS customers
      FROM (
        SELECT COUNT(*) AS n FROM "ContactFact" f
        WHERE ${contactFactCondition(params)} AND ${inCustomerRange(customers, Prisma.sql`f."customerId"`)}
        GROUP BY f."customerId"
      ) p
      GROUP BY p.n`,
  );
  const histogram = contactsHistogram(rows);
  const contactedCustomers = histogram.reduce((sum, bar) => sum + bar.customers, 0);
  const median = medianOfHistogram(histogram, contactedCustomers);
  return {
    contacts: histogram.reduce((sum, bar) => sum + bar.n * bar.customers, 0),
    contactedCustomers,
    medianContactsPerWeek: median === null ? null : median / windowWeeks(params),
  };
}
