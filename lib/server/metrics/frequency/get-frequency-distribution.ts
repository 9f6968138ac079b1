import "server-only";

import { CHANNELS, type ChannelName } from "@/lib/events/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FrequencyBreakdown, FrequencyDistribution } from "@/lib/metrics/frequency";
import { FREQUENCY_BUCKETS, frequencyBucketOfCount } from "@/lib/metrics/frequency-buckets";

import { contactFactCondition } from "../common/contact-filter";
import { inCustomerRange, rowsPerCustomerHalf } from "../common/customer-ranges";
import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";

import { contactsHistogram, medianOfHistogram } from "./contacts-histogram";
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
  // One grouping per customer counts their contacts in all and on each channel; the histograms
  // of those counts follow from the customers' rows. The customers are split in two halves run
  // at once, whose histograms add up.
  const channelCounts = CHANNELS.map(
    (channel, i) =>
      Prisma.sql`COUNT(*) FILTER (WHERE f."channel" = CAST(${channel} AS "Channel")) AS ${Prisma.raw(`c${i}`)}`,
  );
  const perChannel = CHANNELS.map((channel, i) => Prisma.sql`(${channel}, p.${Prisma.raw(`c${i}`)})`);
  const rows = await rowsPerCustomerHalf<Row>(
    db,
    (customers) => Prisma.sql`
      SELECT v.channel, v.n, COUNT(*) AS customers
      FROM (
        SELECT COUNT(*) AS total, ${Prisma.join(channelCounts, ", ")}
        FROM "ContactFact" f
        WHERE ${contactFactCondition(params)} AND ${inCustomerRange(customers, Prisma.sql`f."customerId"`)}
        GROUP BY f."customerId"
      ) p
      CROSS JOIN LATERAL (VALUES (CAST(NULL AS text), p.total), ${Prisma.join(perChannel, ", ")}) AS v(channel, n)
      WHERE v.n > 0
      GROUP BY 1, 2`,
  );

  const weeks = windowWeeks(params);
  const span = params.to.getTime() - params.from.getTime();
  const breakdown = (channel: string | null): FrequencyBreakdown => {
    const histogram = contactsHistogram(rows.filter((row) => row.channel === channel));
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
