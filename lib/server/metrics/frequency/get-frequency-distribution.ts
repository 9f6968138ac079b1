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
import {
  channelPacking,
  packedChannelSums,
  packedColumnNames,
  packingLimit,
  unpackChannelCounts,
} from "./packed-channel-counts";

/** How many customers had exactly `n` contacts in the window, in total (channel null) or on a channel. */
interface Row {
  channel: string | null;
  n: bigint;
  customers: bigint;
}

/** How many customers had `total` contacts and the per-channel counts packed in `s0`, `s1`, …. */
interface PackedRow {
  total: bigint;
  customers: bigint;
  [sum: `s${number}`]: string;
}

/**
 * Field widths tried in order (packed-channel-counts.ts): 7 bits fit every channel in one sum and
 * hold counts up to 127, which over a few weeks no customer reaches in practice; 62 bits hold any
 * count a table can store. A window longer than `NARROW_WEEKS` weeks starts wide: there a customer
 * contacted daily passes 127.
 */
const NARROW_BITS = 7;
const WIDE_BITS = 62;
const NARROW_WEEKS = 8;

/**
 * Contacted customers by contacts per week (METRICS.md §1), in total and per channel: weeks,
 * contacts, contacted customers, median and mean per week, and customers per bucket. A
 * customer's rate on a channel is their contacts on that channel / weeks.
 *
 * The database returns only how many customers had each combination of contact counts (a few
 * hundred rows); contacts, buckets and the median follow exactly from those histograms, without
 * sorting a row per customer and channel.
 */
export async function getFrequencyDistribution(
  db: MetricsClient,
  params: MetricParams,
): Promise<FrequencyDistribution> {
  assertMetricParams(params);
  const weeks = windowWeeks(params);
  const narrow = weeks <= NARROW_WEEKS ? await countsPerCustomer(db, params, NARROW_BITS) : null;
  const rows = narrow ?? (await countsPerCustomer(db, params, WIDE_BITS));
  if (rows === null) throw new RangeError("a customer has more contacts than 62 bits hold");

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

/**
 * The histograms of contacts per customer, in total and per channel, from one grouping per
 * customer whose channel counts are packed `bits` wide; null when some customer's total is too
 * large for that width to be exact. The customers are split in two halves run at once, whose
 * histograms add up.
 */
async function countsPerCustomer(
  db: MetricsClient,
  params: MetricParams,
  bits: number,
): Promise<Row[] | null> {
  const packing = channelPacking(bits);
  const sums = packedColumnNames(packing, "p");
  const packed = await rowsPerCustomerHalf<PackedRow>(
    db,
    (customers) => Prisma.sql`
      SELECT p.total, ${Prisma.join(
        sums.map((sum, s) => Prisma.sql`CAST(${sum} AS text) AS ${Prisma.raw(`s${s}`)}`),
        ", ",
      )}, COUNT(*) AS customers
      FROM (
        SELECT COUNT(*) AS total, ${Prisma.join(packedChannelSums(packing), ", ")}
        FROM "ContactFact" f
        WHERE ${contactFactCondition(params)} AND ${inCustomerRange(customers, Prisma.sql`f."customerId"`)}
        GROUP BY f."customerId"
      ) p
      GROUP BY p.total, ${Prisma.join(sums, ", ")}`,
  );
  const limit = packingLimit(packing);
  if (packed.some((row) => BigInt(row.total) > limit)) return null;
  return packed.flatMap((row) => {
    const sums = Array.from({ length: packing.sums }, (_, s) => row[`s${s}`]);
    return [
      { channel: null, n: row.total, customers: row.customers },
      ...unpackChannelCounts(packing, sums).map(({ channel, count }) => ({
        channel,
        n: count,
        customers: row.customers,
      })),
    ];
  });
}
