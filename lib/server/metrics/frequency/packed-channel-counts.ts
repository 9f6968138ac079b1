import "server-only";

import { CHANNELS, type ChannelName } from "@/lib/events/enums";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A customer's contacts per channel, packed into a few integer sums instead of one filtered
 * count per channel.
 *
 * Each channel owns a field of `bits` bits in one of the sums: a contact on channel i adds
 * 2^(bits × its place) to its sum, so the sum's fields hold the customer's count per channel.
 * They do so exactly while no count exceeds 2^bits − 1 (a fuller field carries into the next);
 * a customer's total bounds each of their channel counts, so totals within that limit prove the
 * fields exact. One sum per customer costs the database far less than nine filtered counts
 * (28 days at 10 million events: 167 against 233 ms for a half of the customers).
 *
 * The database adds the 64-bit addends in 128-bit or arbitrary-precision sums and returns them
 * as numeric, read here as text, so no field is cut off. A field's weight must itself fit a
 * signed 64-bit integer: a sum holds the places 0 … floor(62 / bits).
 */
export interface ChannelPacking {
  bits: number;
  /** How many channels share one sum. */
  perSum: number;
  sums: number;
}

export function channelPacking(bits: number): ChannelPacking {
  if (!Number.isInteger(bits) || bits < 1 || bits > 62)
    throw new RangeError(`bits must be 1…62, not ${bits}`);
  const perSum = Math.floor(62 / bits) + 1;
  return { bits, perSum, sums: Math.ceil(CHANNELS.length / perSum) };
}

/** The largest count every field of `packing` holds exactly. */
export function packingLimit(packing: ChannelPacking): bigint {
  return (1n << BigInt(packing.bits)) - 1n;
}

/**
 * The packed sums over the contacts (ContactFact rows aliased `f`) of one group, as columns
 * `s0`, `s1`, … cast to text.
 */
export function packedChannelSums(packing: ChannelPacking): Prisma.Sql[] {
  return Array.from({ length: packing.sums }, (_, s) => {
    const places = CHANNELS.slice(s * packing.perSum, (s + 1) * packing.perSum).map(
      (channel, place) =>
        Prisma.sql`WHEN CAST(${channel} AS "Channel") THEN CAST(${Prisma.raw(
          String(1n << BigInt(packing.bits * place)),
        )} AS bigint)`,
    );
    return Prisma.sql`SUM(CASE f."channel" ${Prisma.join(places, " ")} ELSE CAST(0 AS bigint) END) AS ${Prisma.raw(`s${s}`)}`;
  });
}

/** The names of the packed columns, for a grouping over them. */
export function packedColumnNames(packing: ChannelPacking, alias: string): Prisma.Sql[] {
  return Array.from({ length: packing.sums }, (_, s) => Prisma.raw(`${alias}."s${s}"`));
}

/** The count of each channel in one group's packed sums (`s0`, `s1`, … as text); zero counts left out. */
export function unpackChannelCounts(
  packing: ChannelPacking,
  sums: readonly string[],
): { channel: ChannelName; count: bigint }[] {
  const mask = packingLimit(packing);
  const counts: { channel: ChannelName; count: bigint }[] = [];
  CHANNELS.forEach((channel, i) => {
    const sum = BigInt(sums[Math.floor(i / packing.perSum)]);
    const count = (sum >> BigInt(packing.bits * (i % packing.perSum))) & mask;
    if (count > 0n) counts.push({ channel, count });
  });
  return counts;
}
