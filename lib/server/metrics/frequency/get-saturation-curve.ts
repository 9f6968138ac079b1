import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { SaturationBucket, SaturationCurve } from "@/lib/metrics/frequency";
import { FREQUENCY_BUCKETS } from "@/lib/metrics/frequency-buckets";

import { customerCondition } from "../common/customer-filter";
import { inCustomerRange, rowsPerCustomerHalf } from "../common/customer-ranges";
import { windowBucketIndex } from "../common/frequency-bucket-sql";
import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

import { findFatiguePoint } from "./find-fatigue-point";
import { contactsPerCustomer } from "./frequency-sql";

interface Row {
  bucket: number;
  customers: bigint;
  contacts: bigint;
  engaged: bigint;
  unsubscribed: bigint;
  complained: bigint;
}

const rate = (count: number, of: number) => (of === 0 ? null : count / of);

/**
 * The saturation curve (METRICS.md §1): per frequency bucket, customers, contacts, engaged
 * contacts and click rate, and the customers with an `unsubscribed` / `complained` in the
 * window (on any channel: opt-outs are not channel-filtered); with the fatigue point.
 */
export async function getSaturationCurve(db: MetricsClient, params: MetricParams): Promise<SaturationCurve> {
  assertMetricParams(params);
  const { workspaceId, from, to } = params;
  // The customers are split in two halves run at once; each bucket's counts add up over them.
  const halves = await rowsPerCustomerHalf<Row>(
    db,
    (customers) => Prisma.sql`
    WITH per AS (${contactsPerCustomer(params, customers)}),
    negative AS (
      SELECT o."customerId",
        bool_or(o."type" = 'unsubscribed') AS unsubscribed, bool_or(o."type" = 'complained') AS complained
      FROM "Event" o
      WHERE o."workspaceId" = ${workspaceId} AND o."type" IN ('unsubscribed', 'complained')
        AND o."ts" >= ${sqlInstant(from)} AND o."ts" < ${sqlInstant(to)}
        AND ${customerCondition(params, Prisma.sql`o."customerId"`)}
        AND ${inCustomerRange(customers, Prisma.sql`o."customerId"`)}
      GROUP BY o."customerId"
    ),
    bucketed AS (
      SELECT p.n, p.engaged, ${windowBucketIndex(params, Prisma.sql`p.n`)} AS bucket,
        COALESCE(g.unsubscribed, FALSE) AS unsubscribed, COALESCE(g.complained, FALSE) AS complained
      FROM per p
      LEFT JOIN negative g ON g."customerId" = p."customerId"
    )
    SELECT b.bucket, COUNT(*) AS customers, CAST(SUM(b.n) AS bigint) AS contacts,
      CAST(SUM(b.engaged) AS bigint) AS engaged,
      COUNT(*) FILTER (WHERE b.unsubscribed) AS unsubscribed, COUNT(*) FILTER (WHERE b.complained) AS complained
    FROM bucketed b
    GROUP BY b.bucket`,
  );

  const buckets = FREQUENCY_BUCKETS.map((bucket, index): SaturationBucket => {
    const rows = halves.filter((row) => Number(row.bucket) === index);
    const sum = (column: Exclude<keyof Row, "bucket">) =>
      rows.reduce((total, row) => total + Number(row[column]), 0);
    const customers = sum("customers");
    const contacts = sum("contacts");
    const engagedContacts = sum("engaged");
    const unsubscribedCustomers = sum("unsubscribed");
    const complainedCustomers = sum("complained");
    return {
      bucket: bucket.id,
      customers,
      contacts,
      engagedContacts,
      clickRate: rate(engagedContacts, contacts),
      unsubscribedCustomers,
      unsubscribeShare: rate(unsubscribedCustomers, customers),
      complainedCustomers,
      complaintShare: rate(complainedCustomers, customers),
    };
  });
  return { weeks: windowWeeks(params), buckets, fatiguePoint: findFatiguePoint(buckets) };
}
