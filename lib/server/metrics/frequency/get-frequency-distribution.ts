import "server-only";

import { CHANNELS, type ChannelName } from "@/lib/events/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FrequencyBreakdown, FrequencyDistribution } from "@/lib/metrics/frequency";
import { FREQUENCY_BUCKETS, frequencyBucketOfCount } from "@/lib/metrics/frequency-buckets";

import { contactFactCondition } from "../common/contact-filter";
import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";

import { bucketCustomers } from "./frequency-sql";

/** How many customers had exactly `n` contacts in the window, in total (channel null) or on a channel. */
interface Row {
  channel: string | null;
  n: bigint;
  customers: bigint;
}

/**
 * Contacted customers by contacts per week (METRICS.md §1), in total and per channel: weeks,
 * contacts, contacted customers, median and mean per week, and customers per bucket. A
 * customer's rate on a channel is their contacts on that channel / weeks.
 *
 * The database returns only how many customers had each count of contacts (a few dozen rows
 * per channel); contacts, buckets and the median follow exactly from that histogram, without
 * sorting a row per customer and channel.
 */
export async function getFrequencyDistribution(
  db: MetricsClient,
  params: MetricParams,
): Promise<FrequencyDistribution> {
  assertMetricParams(params);
  // Two plain groupings (per customer; per customer and channel), run side by side: each is
  // as cheap as one, where a single pass with both grouping sets costs about three.
  const histogram = (perChannel: boolean) =>
    db.$queryRaw<Row[]>(Prisma.sql`
    SELECT ${perChannel ? Prisma.sql`CAST(p."channel" AS text)` : Prisma.sql`CAST(NULL AS text)`} AS channel,
      p.n, COUNT(*) AS customers
    FROM (
      SELECT ${perChannel ? Prisma.sql`f."channel",` : Prisma.empty} COUNT(*) AS n
      FROM "ContactFact" f
      WHERE ${contactFactCondition(params)} ${perChannel ? Prisma.sql`AND f."channel" IS NOT NULL` : Prisma.empty}
      GROUP BY f."customerId" ${perChannel ? Prisma.sql`, f."channel"` : Prisma.empty}
    ) p
    GROUP BY 1, p.n`);
  const rows = (await Promise.all([histogram(false), histogram(true)])).flat();

  const weeks = windowWeeks(params);
  const span = params.to.getTime() - params.from.getTime();
  const breakdown = (channel: string | null): FrequencyBreakdown => {
    const histogram = rows
      .filter((row) => row.channel === channel)
      .map((row) => ({ n: Number(row.n), customers: Number(row.customers) }))
      .sort((a, b) => a.n - b.n);
    const contacted = histogram.reduce((sum, bar) => sum + bar.customers, 0);
    const contacts = histogram.reduce((sum, bar) => sum + bar.n * bar.customers, 0);
    const byBucket = new Map<number, number>();
    for (const bar of histogram) {
      const id = frequencyBucketOfCount(bar.n, span);
      const index = FREQUENCY_BUCKETS.findIndex((bucket) => bucket.id === id);
      byBucket.set(index, (byBucket.get(index) ?? 0) + bar.customers);
    }
    const median = medianOfHistogram(histogram, contacted);
    return {
      contacts,
      contactedCustomers: contacted,
      medianPerWeek: median === null ? null : median / weeks,
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

/**
 * The median of the values a histogram (ascending `n`, `customers` each) stands for, as
 * percentile_cont(0.5) computes it: the middle value, or for an even count the lower middle
 * plus half the difference to the upper one. null for no values.
 */
export function medianOfHistogram(histogram: readonly { n: number; customers: number }[], total: number) {
  if (total === 0) return null;
  const valueAt = (position: number) => {
    let seen = 0;
    for (const bar of histogram) {
      seen += bar.customers;
      if (position < seen) return bar.n;
    }
    throw new RangeError("position beyond the histogram");
  };
  const lower = valueAt(Math.floor((total - 1) / 2));
  const upper = valueAt(Math.ceil((total - 1) / 2));
  return lower + (upper - lower) * 0.5;
}
