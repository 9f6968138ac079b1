import "server-only";

import { CHANNELS, type ChannelName } from "@/lib/events/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FrequencyBreakdown, FrequencyDistribution } from "@/lib/metrics/frequency";

import { contactFactCondition } from "../common/contact-filter";
import { windowBucketIndex } from "../common/frequency-bucket-sql";
import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";

import { bucketCustomers } from "./frequency-sql";

interface Row {
  channel: string | null;
  bucket: number | null;
  customers: bigint;
  contacts: bigint;
  median: number | null;
}

/**
 * Contacted customers by contacts per week (METRICS.md §1), in total and per channel: weeks,
 * contacts, contacted customers, median and mean per week, and customers per bucket. A
 * customer's rate on a channel is their contacts on that channel / weeks.
 */
export async function getFrequencyDistribution(
  db: MetricsClient,
  params: MetricParams,
): Promise<FrequencyDistribution> {
  assertMetricParams(params);
  // One pass groups the window's contacts per customer, with a count per channel in columns;
  // each customer then yields one rate row in total (channel NULL) and one per channel used.
  const perChannel = CHANNELS.map(
    (channel, i) =>
      Prisma.sql`COUNT(*) FILTER (WHERE f."channel" = CAST(${channel} AS "Channel")) AS ${Prisma.raw(`c${i}`)}`,
  );
  const rateRows = CHANNELS.map((channel, i) => Prisma.sql`(CAST(${channel} AS text), p.${Prisma.raw(`c${i}`)})`);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH per AS (
      SELECT COUNT(*) AS n, ${Prisma.join(perChannel)}
      FROM "ContactFact" f
      WHERE ${contactFactCondition(params)}
      GROUP BY f."customerId"
    ),
    rates AS (
      SELECT v.channel, v.n
      FROM per p CROSS JOIN LATERAL (VALUES (CAST(NULL AS text), p.n), ${Prisma.join(rateRows)}) AS v(channel, n)
      WHERE v.n > 0
    ),
    bucketed AS (
      SELECT r.channel, r.n, ${windowBucketIndex(params, Prisma.sql`r.n`)} AS bucket FROM rates r
    )
    SELECT b.channel, CASE WHEN GROUPING(b.bucket) = 0 THEN b.bucket END AS bucket,
      COUNT(*) AS customers, CAST(SUM(b.n) AS bigint) AS contacts,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY b.n) AS median
    FROM bucketed b
    GROUP BY GROUPING SETS ((b.channel), (b.channel, b.bucket))`);

  const weeks = windowWeeks(params);
  const breakdown = (channel: string | null): FrequencyBreakdown => {
    const mine = rows.filter((row) => row.channel === channel);
    const whole = mine.find((row) => row.bucket === null);
    const contacts = Number(whole?.contacts ?? 0);
    const contacted = Number(whole?.customers ?? 0);
    const byBucket = new Map(
      mine.filter((row) => row.bucket !== null).map((row) => [Number(row.bucket), Number(row.customers)]),
    );
    return {
      contacts,
      contactedCustomers: contacted,
      medianPerWeek: whole?.median == null ? null : Number(whole.median) / weeks,
      meanPerWeek: contacted === 0 ? null : contacts / contacted / weeks,
      buckets: bucketCustomers(byBucket, contacted),
    };
  };
  const present = new Set(rows.map((row) => row.channel));
  const channels = CHANNELS.filter((channel) => present.has(channel)).map((channel: ChannelName) => ({
    channel,
    ...breakdown(channel),
  }));
  return { weeks, total: breakdown(null), channels };
}
