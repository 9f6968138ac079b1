import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { BucketCustomers } from "@/lib/metrics/frequency";
import { FREQUENCY_BUCKETS } from "@/lib/metrics/frequency-buckets";

import { contactFactCondition } from "../common/contact-filter";
import { type CustomerRange, inCustomerRange } from "../common/customer-ranges";
import type { MetricParams } from "../common/metric-params";

/**
 * One row per contacted customer of the window (channel and segment applied): `customerId`,
 * `n` contacts and `engaged` engaged contacts; of the customers in `customers` if given.
 */
export function contactsPerCustomer(params: MetricParams, customers?: CustomerRange): Prisma.Sql {
  const range = customers
    ? Prisma.sql`AND ${inCustomerRange(customers, Prisma.sql`f."customerId"`)}`
    : Prisma.empty;
  return Prisma.sql`SELECT f."customerId", COUNT(*) AS n,
      COUNT(*) FILTER (WHERE f."clickedAt" IS NOT NULL) AS engaged
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)} ${range}
    GROUP BY f."customerId"`;
}

/** An instant column as an ISO string with milliseconds and `Z`, whatever the session zone. */
export function isoText(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** Every bucket in order with its customers (by bucket index) and their share of `contacted`. */
export function bucketCustomers(
  customersByIndex: ReadonlyMap<number, number>,
  contacted: number,
): BucketCustomers[] {
  return FREQUENCY_BUCKETS.map((bucket, index) => {
    const customers = customersByIndex.get(index) ?? 0;
    return { bucket: bucket.id, customers, share: contacted === 0 ? null : customers / contacted };
  });
}
