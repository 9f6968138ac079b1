import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { FREQUENCY_BUCKETS, type FrequencyBucketId } from "@/lib/metrics/frequency-buckets";
import { AT_RISK_FLOOR_DAYS, type LoyaltyByPressure, PRESSURE_DAYS } from "@/lib/metrics/loyalty";

import { contactFactCondition } from "../common/contact-filter";
import { customerCondition } from "../common/customer-filter";
import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

const DAY_MS = 86_400_000;

interface BucketRow {
  bucket: FrequencyBucketId;
  customers: bigint;
  purchasers: bigint;
  repeat_purchasers: bigint;
  repeat_customers: bigint;
  at_risk: bigint;
  unsubscribed: bigint;
}

const rate = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

/**
 * Loyalty by contact pressure (METRICS.md §4): customers contacted in the 28 days before `to`,
 * grouped by their contacts per week over those 28 days (frequency buckets of §1), with the
 * repeat purchase rate in the loyalty window [from, to), the at-risk share at `to`, and the
 * share with an `unsubscribed` (any channel) in those 28 days.
 */
export async function getLoyaltyByPressure(
  db: MetricsClient,
  params: MetricParams,
): Promise<LoyaltyByPressure> {
  assertMetricParams(params);
  const pressureWindow = { from: new Date(params.to.getTime() - PRESSURE_DAYS * DAY_MS), to: params.to };
  const perWeek = Prisma.sql`CAST(pc.contacts AS float8) / ${windowWeeks(pressureWindow)}::float8`;
  const bucketOf = Prisma.sql`CASE ${Prisma.join(
    FREQUENCY_BUCKETS.map((bucket) =>
      bucket.upper === null
        ? Prisma.sql`ELSE ${bucket.id}`
        : Prisma.sql`WHEN ${perWeek} <= ${bucket.upper}::float8 THEN ${bucket.id}`,
    ),
    " ",
  )} END`;
  const to = sqlInstant(params.to);
  const rows = await db.$queryRaw<BucketRow[]>(Prisma.sql`
    WITH pressure AS (
      SELECT f."customerId" AS c, COUNT(*) AS contacts
      FROM "ContactFact" f
      WHERE ${contactFactCondition({ ...params, ...pressureWindow })}
      GROUP BY f."customerId"
    ),
    purchases AS (
      SELECT p."customerId" AS c, p."ts",
        CAST(EXTRACT(EPOCH FROM p."ts" - LAG(p."ts") OVER (PARTITION BY p."customerId" ORDER BY p."ts")) * 1000
          AS float8) AS gap
      FROM "Event" p
      WHERE p."workspaceId" = ${params.workspaceId} AND p."type" = 'purchased' AND p."ts" < ${to}
        AND ${customerCondition(params, Prisma.sql`p."customerId"`)}
    ),
    loyalty AS (
      SELECT p.c,
        COUNT(*) FILTER (WHERE p."ts" >= ${sqlInstant(params.from)}) AS in_window,
        COUNT(*) AS total,
        CAST(EXTRACT(EPOCH FROM ${to} - MAX(p."ts")) * 1000 AS float8) AS since,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY p.gap) AS median_gap
      FROM purchases p
      GROUP BY p.c
    ),
    unsubscribed AS (
      SELECT DISTINCT u."customerId" AS c
      FROM "Event" u
      WHERE u."workspaceId" = ${params.workspaceId} AND u."type" = 'unsubscribed'
        AND u."ts" >= ${sqlInstant(pressureWindow.from)} AND u."ts" < ${to}
    )
    SELECT ${bucketOf} AS bucket,
      COUNT(*) AS customers,
      COUNT(*) FILTER (WHERE l.in_window >= 1) AS purchasers,
      COUNT(*) FILTER (WHERE l.in_window >= 2) AS repeat_purchasers,
      COUNT(*) FILTER (WHERE l.total >= 2) AS repeat_customers,
      COUNT(*) FILTER (WHERE l.total >= 2
        AND l.since > GREATEST(${AT_RISK_FLOOR_DAYS * DAY_MS}::float8, 2 * l.median_gap)) AS at_risk,
      COUNT(u.c) AS unsubscribed
    FROM pressure pc
    LEFT JOIN loyalty l ON l.c = pc.c
    LEFT JOIN unsubscribed u ON u.c = pc.c
    GROUP BY 1`);

  const byBucket = new Map(rows.map((row) => [row.bucket, row]));
  return {
    pressureFrom: pressureWindow.from.toISOString(),
    pressureTo: pressureWindow.to.toISOString(),
    buckets: FREQUENCY_BUCKETS.map(({ id }) => {
      const row = byBucket.get(id);
      const n = (value: bigint | undefined) => Number(value ?? 0);
      const customers = n(row?.customers);
      const purchasers = n(row?.purchasers);
      const repeatPurchasers = n(row?.repeat_purchasers);
      const repeatCustomers = n(row?.repeat_customers);
      const atRiskCustomers = n(row?.at_risk);
      const unsubscribedCustomers = n(row?.unsubscribed);
      return {
        bucket: id,
        customers,
        purchasers,
        repeatPurchasers,
        repeatPurchaseRate: rate(repeatPurchasers, purchasers),
        repeatCustomers,
        atRiskCustomers,
        atRiskShare: rate(atRiskCustomers, repeatCustomers),
        unsubscribedCustomers,
        unsubscribeShare: rate(unsubscribedCustomers, customers),
      };
    }),
  };
}
