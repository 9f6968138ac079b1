import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { BucketCustomers } from "@/lib/metrics/frequency";
import { FREQUENCY_BUCKETS } from "@/lib/metrics/frequency-buckets";

import { contactFactCondition } from "../common/contact-filter";
import type { MetricParams } from "../common/metric-params";

/** Elapsed milliseconds in a week: contacts per week = contacts / (span / WEEK_MS). */
export const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * The index in FREQUENCY_BUCKETS of the bucket of `count` contacts over `span` milliseconds,
 * per `unit` milliseconds (a week): count / (span / unit) ≤ upper, tested exactly in integers
 * as count · unit ≤ upper · span. (A float division would put 17 contacts in 17 days, exactly
 * 7 a week, at 7.000000000000001 and so in (7, ∞).)
 */
export function bucketIndex(count: Prisma.Sql, unit: Prisma.Sql, span: Prisma.Sql): Prisma.Sql {
  const whens = FREQUENCY_BUCKETS.flatMap((bucket, index) =>
    bucket.upper === null
      ? []
      : [
          Prisma.sql`WHEN CAST(${count} AS bigint) * ${unit} <= ${bucket.upper}::bigint * ${span} THEN ${index}::int`,
        ],
  );
  return Prisma.sql`CASE ${Prisma.join(whens, " ")} ELSE ${FREQUENCY_BUCKETS.length - 1}::int END`;
}

/** The bucket index of `count` contacts in the report window. */
export function windowBucketIndex(params: MetricParams, count: Prisma.Sql): Prisma.Sql {
  const span = params.to.getTime() - params.from.getTime();
  return bucketIndex(count, Prisma.sql`${WEEK_MS}::bigint`, Prisma.sql`${span}::bigint`);
}

/**
 * One row per contacted customer of the window (channel and segment applied): `customerId`,
 * `n` contacts and `engaged` engaged contacts.
 */
export function contactsPerCustomer(params: MetricParams): Prisma.Sql {
  return Prisma.sql`SELECT f."customerId", COUNT(*) AS n,
      COUNT(*) FILTER (WHERE f."clickedAt" IS NOT NULL) AS engaged
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)}
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
