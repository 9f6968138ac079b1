import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { type Cohort, COHORT_MONTHS, type CohortTable } from "@/lib/metrics/loyalty";

import { customerCondition } from "../common/customer-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

interface CellRow {
  cohort: string;
  start: Date;
  k: number;
  month: string;
  reported: boolean;
  partial: boolean;
  customers: bigint | number;
}

/**
 * Cohort retention (METRICS.md §4): a customer's cohort is the calendar month (params.timeZone,
 * default UTC) of their first purchase before `to`; retention at month k (1–12) is the share of
 * the cohort with a purchase in calendar month cohort + k, before `to`. One row for every month
 * that begins in [from, to). A month that begins at or after `to` is not reported (null); the
 * month holding `to` (begun before it, ending after it) is marked partial. Channel plays no part.
 */
export async function getCohorts(db: MetricsClient, params: MetricParams): Promise<CohortTable> {
  assertMetricParams(params);
  const timeZone = params.timeZone ?? "UTC";
  const from = sqlInstant(params.from);
  const to = sqlInstant(params.to);
  const rows = await db.$queryRaw<CellRow[]>(Prisma.sql`
    WITH months AS (
      SELECT g.m AS cohort
      FROM generate_series(date_trunc('month', ${from} AT TIME ZONE ${timeZone}),
        date_trunc('month', ${to} AT TIME ZONE ${timeZone}), interval '1 month') AS g(m)
      WHERE (g.m AT TIME ZONE ${timeZone}) >= ${from} AND (g.m AT TIME ZONE ${timeZone}) < ${to}
    ),
    bought AS (
      -- Each customer's purchase months (local calendar months), purchases before \`to\` only.
      SELECT p."customerId" AS c, date_trunc('month', p."ts" AT TIME ZONE ${timeZone}) AS m
      FROM "Event" p
      WHERE p."workspaceId" = ${params.workspaceId} AND p."type" = 'purchased' AND p."ts" < ${to}
        AND ${customerCondition(params, Prisma.sql`p."customerId"`)}
      GROUP BY 1, 2
    ),
    firsts AS (
      SELECT b.c, MIN(b.m) AS cohort FROM bought b GROUP BY b.c
    ),
    counts AS (
      -- k = 0 is the cohort itself (its size); k = 1..12 the customers buying k months later.
      SELECT f.cohort,
        CAST((EXTRACT(YEAR FROM b.m) - EXTRACT(YEAR FROM f.cohort)) * 12
          + EXTRACT(MONTH FROM b.m) - EXTRACT(MONTH FROM f.cohort) AS int) AS k,
        COUNT(*) AS customers
      FROM firsts f
      JOIN bought b ON b.c = f.c AND b.m <= f.cohort + CAST(${COHORT_MONTHS} AS int) * interval '1 month'
      WHERE f.cohort IN (SELECT cohort FROM months)
      GROUP BY 1, 2
    )
    SELECT to_char(g.cohort, 'YYYY-MM') AS cohort, g.cohort AT TIME ZONE ${timeZone} AS start,
      CAST(k.k AS int) AS k,
      to_char(g.cohort + k.k * interval '1 month', 'YYYY-MM') AS month,
      ((g.cohort + k.k * interval '1 month') AT TIME ZONE ${timeZone}) < ${to} AS reported,
      ((g.cohort + (k.k + 1) * interval '1 month') AT TIME ZONE ${timeZone}) > ${to} AS partial,
      COALESCE(c.customers, 0) AS customers
    FROM months g
    CROSS JOIN generate_series(0, CAST(${COHORT_MONTHS} AS int)) AS k(k)
    LEFT JOIN counts c ON c.cohort = g.cohort AND c.k = k.k
    ORDER BY g.cohort, k.k`);

  const cohorts: Cohort[] = [];
  for (const row of rows) {
    const customers = Number(row.customers);
    if (row.k === 0) {
      cohorts.push({ month: row.cohort, start: row.start.toISOString(), size: customers, retention: [] });
      continue;
    }
    const cohort = cohorts[cohorts.length - 1];
    const retained = row.reported ? customers : null;
    cohort.retention.push({
      offset: row.k,
      month: row.month,
      retained,
      retention: retained === null || cohort.size === 0 ? null : retained / cohort.size,
      partial: row.reported && row.partial,
    });
  }
  return { timeZone, cohorts };
}
