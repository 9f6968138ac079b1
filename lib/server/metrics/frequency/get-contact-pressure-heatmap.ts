import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { ContactPressureHeatmap } from "@/lib/metrics/frequency";

import { contactFactCondition } from "../common/contact-filter";
import { bucketIndex } from "../common/frequency-bucket-sql";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { sqlInstants } from "../common/sql-instant";

import { calendarWeeks } from "./calendar-weeks";
import { bucketCustomers } from "./frequency-sql";

interface Row {
  week: number;
  bucket: number;
  customers: bigint;
}

/**
 * Contact pressure by calendar week (ISO weeks, Monday start, in params.timeZone or UTC) ×
 * frequency bucket: per week, the customers whose contacts that week, divided by the fraction
 * of the week inside the window (1 for a whole week, also of 167 or 169 hours), fall in each
 * bucket; compared exactly as contacts · week length ≤ bound · part inside the window.
 */
export async function getContactPressureHeatmap(
  db: MetricsClient,
  params: MetricParams,
): Promise<ContactPressureHeatmap> {
  assertMetricParams(params);
  const timeZone = params.timeZone ?? "UTC";
  const weeks = calendarWeeks(params.from, params.to, timeZone);
  const starts = sqlInstants(weeks.map((week) => week.from));
  const parts = weeks.map((week) => week.to.getTime() - week.from.getTime());
  const lengths = weeks.map((week) => week.weekEnd.getTime() - week.weekStart.getTime());
  // width_bucket gives the 1-based week whose part of the window holds the send.
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH per AS (
      SELECT width_bucket(f."ts", ${starts}) AS week, COUNT(*) AS n
      FROM "ContactFact" f
      WHERE ${contactFactCondition(params)}
      GROUP BY 1, f."customerId"
    ),
    bucketed AS (
      SELECT p.week, ${bucketIndex(
        Prisma.sql`p.n`,
        Prisma.sql`(CAST(${lengths} AS bigint[]))[p.week]`,
        Prisma.sql`(CAST(${parts} AS bigint[]))[p.week]`,
      )} AS bucket
      FROM per p
    )
    SELECT b.week, b.bucket, COUNT(*) AS customers FROM bucketed b GROUP BY b.week, b.bucket`);

  return {
    timeZone,
    weeks: weeks.map((week, index) => {
      const mine = rows.filter((row) => Number(row.week) === index + 1);
      const contacted = mine.reduce((sum, row) => sum + Number(row.customers), 0);
      const byBucket = new Map(mine.map((row) => [Number(row.bucket), Number(row.customers)]));
      return {
        isoWeek: week.isoWeek,
        weekStart: week.weekStart.toISOString(),
        from: week.from.toISOString(),
        to: week.to.toISOString(),
        fraction: week.fraction,
        contactedCustomers: contacted,
        buckets: bucketCustomers(byBucket, contacted),
      };
    }),
  };
}
