import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { ACTIVE_DAYS, PRESSURE_DAYS } from "@/lib/metrics/loyalty";

import { contactFactCondition } from "../common/contact-filter";
import { type CustomerRange, inCustomerRange } from "../common/customer-ranges";
import type { MetricParams } from "../common/metric-params";
import { sqlInstants } from "../common/sql-instant";

const DAY_MS = 86_400_000;
/** Bits of the 28-day windows in a segment mask, above the 90-day ones (K ≤ 14). */
const SHIFT_28 = 14;
/** Per-window contact counts packed three to a bigint sum: 15 bits, 15 bits, the rest. */
const FIELD_BITS = 15;
const PER_PACK = 3;
/** Below this many facts for a customer no packed field can carry into the next. */
const PACK_LIMIT = 2 ** FIELD_BITS;
/** Bits of the 90-day windows with an engaged contact, above both segment masks. */
const ENGAGED_SHIFT = 2 * SHIFT_28;

/**
 * The instants where some end's 90- or 28-day window starts or ends, ascending: between two
 * neighbours (a segment) every contact belongs to the same windows, so a contact is placed by
 * one width_bucket and its windows are looked up per segment instead of computed per row.
 */
export interface ContactSegments {
  bounds: Date[];
  /** Per segment: bit k − 1 when inside end k's 90-day window, bit 14 + k − 1 for its 28-day one. */
  masks: number[];
  /** Per pack, per segment: 1, 2^15 or 2^30 for each end of the pack whose 28-day window holds it. */
  packs: number[][];
}

/**
 * Per segment and click (index 2s − 1 without one, 2s with one): the segment's mask, and for a
 * clicked contact its 90-day bits again above bit 28, the windows it makes the customer engaged
 * in. One bit_or then gives contacted and engaged windows together.
 */
const contactMasks = (masks: number[]) =>
  masks.flatMap((mask) => [
    BigInt(mask),
    BigInt(mask) | (BigInt(mask & ((1 << SHIFT_28) - 1)) << BigInt(ENGAGED_SHIFT)),
  ]);

export function contactSegments(ends: readonly Date[]): ContactSegments {
  const starts = (days: number) => ends.map((end) => end.getTime() - days * DAY_MS);
  const times = [
    ...new Set([...starts(ACTIVE_DAYS), ...starts(PRESSURE_DAYS), ...ends.map((e) => e.getTime())]),
  ];
  times.sort((a, b) => a - b);
  const inside = (from: number, to: number, days: number, end: Date) =>
    end.getTime() - days * DAY_MS <= from && to <= end.getTime();
  const masks: number[] = [];
  const packs: number[][] = Array.from({ length: Math.ceil(ends.length / PER_PACK) }, () => []);
  for (let s = 0; s + 1 < times.length; s++) {
    let mask = 0;
    const packed = packs.map(() => 0);
    ends.forEach((end, k) => {
      if (inside(times[s], times[s + 1], ACTIVE_DAYS, end)) mask |= 1 << k;
      if (!inside(times[s], times[s + 1], PRESSURE_DAYS, end)) return;
      mask |= 1 << (SHIFT_28 + k);
      packed[Math.floor(k / PER_PACK)] += 2 ** (FIELD_BITS * (k % PER_PACK));
    });
    masks.push(mask);
    packed.forEach((value, j) => packs[j].push(value));
  }
  return { bounds: times.map((time) => new Date(time)), masks, packs };
}

/**
 * The ranges of time to read for the `days`-day windows before the ends: the windows, with
 * neighbours less than `days` apart merged (reading a short gap costs less than another range
 * read, and its contacts fall in segments of no window).
 */
function spansBefore(ends: readonly Date[], days: number): [Date, Date][] {
  const spans: [Date, Date][] = [];
  for (const end of ends) {
    const from = new Date(end.getTime() - days * DAY_MS);
    const last = spans[spans.length - 1];
    if (last && from.getTime() - last[1].getTime() < days * DAY_MS) last[1] = end;
    else spans.push([from, end]);
  }
  return spans;
}

/**
 * Contacts in any of the spans, one range read per span: an OR of ranges would make the planner
 * visit the table through a bitmap instead of reading a time-ordered index range by range.
 */
const factsInSpans = (
  params: MetricParams,
  spans: [Date, Date][],
  columns: Prisma.Sql,
  customers: CustomerRange = { lo: null, hi: null },
) =>
  Prisma.join(
    spans.map(
      ([from, to]) =>
        Prisma.sql`SELECT ${columns} FROM "ContactFact" f WHERE ${contactFactCondition({ ...params, from, to })}
          AND ${inCustomerRange(customers, Prisma.sql`f."customerId"`)}`,
    ),
    " UNION ALL ",
  );

const intArray = (values: number[]) => Prisma.sql`(CAST(${values} AS int[]))`;
const int = (value: number) => Prisma.sql`CAST(${value} AS int)`;

/**
 * The contact figures' customer rows at the ends (columns metric, lo, hi, n, scored, relevance,
 * over), 'customers': per combination of window masks, how many customers have it: `lo` the
 * windows (segment-mask bits) they were contacted in, `hi` the 90-day windows with an engaged
 * contact, `over` the ends at which they had at least `nth` contacts in the 28 days.
 *
 * Customers are counted in one hash aggregate over their contacts (no per-row window functions,
 * no customer order needed), so the contacts are read in time order from a range of the
 * (workspaceId, ts) index instead of customer by customer through the table. The 28-day counts
 * per end are summed as packed fields: no field can carry while the customer has fewer contacts
 * read than PACK_LIMIT; one with more (never seen in practice) is counted end by end instead.
 */
export function customerRowsSql(
  params: MetricParams,
  ends: readonly Date[],
  { bounds, masks, packs }: ContactSegments,
  nth: number,
  endsArray: Prisma.Sql,
  customers?: CustomerRange,
): Prisma.Sql {
  const boundsArray = sqlInstants(bounds);
  const spans90 = spansBefore(ends, ACTIVE_DAYS);
  const spans28 = spansBefore(ends, PRESSURE_DAYS);
  const last = ends[ends.length - 1];
  const pressureParams = { ...params, from: spans28[0][0], to: last };
  const mask = Prisma.sql`(CAST(${contactMasks(masks).map(String)} AS bigint[]))`;
  // Indexed like the masks: each segment's pack value twice.
  const packSums = packs.map(
    (pack, j) => Prisma.sql`SUM(${intArray(pack.flatMap((v) => [v, v]))}[f.s]) AS ${Prisma.raw(`p${j}`)}`,
  );
  const field = (k: number) => {
    const pack = Prisma.raw(`cu.p${Math.floor(k / PER_PACK)}`);
    const i = k % PER_PACK;
    if (i === PER_PACK - 1) return Prisma.sql`(${pack} >> ${int(FIELD_BITS * i)})`;
    return Prisma.sql`((${pack} >> ${int(FIELD_BITS * i)}) & ${int(PACK_LIMIT - 1)})`;
  };
  const decoded = Prisma.join(
    ends.map((_, k) => Prisma.sql`CASE WHEN ${field(k)} >= ${int(nth)} THEN ${int(1 << k)} ELSE 0 END`),
    " + ",
  );
  const pressure = Prisma.sql`CAST(${`${PRESSURE_DAYS * DAY_MS} milliseconds`} AS interval)`;
  return Prisma.sql`
    SELECT 'customers' AS metric, CAST(cu.seen & ${int((1 << ENGAGED_SHIFT) - 1)} AS int) AS lo,
      CAST(cu.seen >> ${int(ENGAGED_SHIFT)} AS int) AS hi, COUNT(*) AS n, 0 AS scored, 0 AS relevance, cu.over
    FROM (
      SELECT cu.seen,
        CASE WHEN cu.n < ${int(PACK_LIMIT)} THEN ${decoded}
          ELSE (
            SELECT CAST(COALESCE(SUM(CAST(1 AS int) << CAST(e.k - 1 AS int)), 0) AS int)
            FROM unnest(${endsArray}) WITH ORDINALITY AS e(t, k)
            WHERE (SELECT COUNT(*) FROM "ContactFact" f
              WHERE ${contactFactCondition(pressureParams)} AND f."customerId" = cu.c
                AND f."ts" >= e.t - ${pressure} AND f."ts" < e.t) >= ${int(nth)}
          ) END AS over
      FROM (
        SELECT f.c, COUNT(*) AS n, bit_or(${mask}[f.s]) AS seen, ${Prisma.join(packSums, ", ")}
        FROM (
          ${factsInSpans(
            params,
            spans90,
            Prisma.sql`f."customerId" AS c,
              2 * width_bucket(f."ts", ${boundsArray}) - CASE WHEN f."clickedAt" IS NULL THEN 1 ELSE 0 END AS s`,
            customers,
          )}
          -- OFFSET 0 keeps the segment a column: computed once per contact, not once per use.
          OFFSET 0
        ) f
        GROUP BY f.c
      ) cu
    ) cu
    GROUP BY cu.seen, cu.over`;
}

/**
 * The contact figures' segment rows at the ends (the columns of customerRowsSql), 'segments':
 * per segment `lo` of the 28-day windows, contacts, scored contacts and relevance sum.
 */
export function segmentRowsSql(
  params: MetricParams,
  ends: readonly Date[],
  { bounds }: ContactSegments,
): Prisma.Sql {
  return Prisma.sql`
    SELECT 'segments' AS metric, f.s AS lo, 0 AS hi, COUNT(*) AS n, COUNT(f."relevance") AS scored,
      COALESCE(SUM(f."relevance"), 0) AS relevance, 0 AS over
    FROM (
      ${factsInSpans(
        params,
        spansBefore(ends, PRESSURE_DAYS),
        Prisma.sql`width_bucket(f."ts", ${sqlInstants(bounds)}) AS s, f."relevance"`,
      )}
    ) f
    GROUP BY f.s`;
}

/** Bits of a 'customers' row's masks: which end indices (0-based) it adds to, per figure. */
export const contactBits = {
  contacted90: (mask: number, k: number) => (mask >> k) & 1,
  contacted28: (mask: number, k: number) => (mask >> (SHIFT_28 + k)) & 1,
};
