import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { ACTIVE_DAYS, AT_RISK_FLOOR_DAYS, PRESSURE_DAYS } from "@/lib/metrics/loyalty";

import { customerCondition } from "../common/customer-filter";
import { type CustomerRange, customerRanges, inCustomerRange } from "../common/customer-ranges";
import type { MetricParams, MetricsClient } from "../common/metric-params";
import { sqlInstant, sqlInstants } from "../common/sql-instant";

import { contactBits, contactSegments, customerRowsSql, segmentRowsSql } from "./contacts-at-ends";
import { countsCanBeStored, readStoredLoyaltyCounts, storeLoyaltyCounts } from "./stored-loyalty-counts";

const DAY_MS = 86_400_000;

/** The counts (and the relevance sum) behind every loyalty figure, at one window end. */
export interface LoyaltyCounts {
  purchasers: number;
  repeatPurchasers: number;
  activeCustomers: number;
  repeatCustomers: number;
  atRiskCustomers: number;
  contactedCustomers90d: number;
  engagedCustomers90d: number;
  contactedCustomers28d: number;
  overContactedCustomers: number;
  contacts28d: number;
  scoredContacts28d: number;
  relevanceSum28d: number;
}

const COUNT_NAMES = [
  "purchasers",
  "repeatPurchasers",
  "activeCustomers",
  "repeatCustomers",
  "atRiskCustomers",
  "contactedCustomers90d",
  "engagedCustomers90d",
  "contactedCustomers28d",
  "overContactedCustomers",
  "contacts28d",
  "scoredContacts28d",
  "relevanceSum28d",
] as const satisfies readonly (keyof LoyaltyCounts)[];

/** Rows counted at every end index lo..hi (1-based), or a contact row (see contactRowsSql). */
interface SpanRow {
  /** A purchase figure, or a contact row of contactRowsSql ("customers" or "segments"). */
  metric: keyof LoyaltyCounts | "customers" | "segments";
  lo: number;
  hi: number;
  n: bigint;
  scored: bigint | number;
  relevance: bigint | number;
  over: number;
}

/** Elapsed time as an interval of hours, minutes and seconds (never calendar days). */
const elapsed = (ms: number) => Prisma.sql`CAST(${`${ms} milliseconds`} AS interval)`;

/** How long a request for counts waits for others of the same query to join its computation. */
const BATCH_WAIT_MS = 5;
/** Ends one computation covers at most. */
const MAX_ENDS = 14;

interface Waiter {
  ends: readonly Date[];
  /** Those of `ends` whose counts may be read from and kept in the store. */
  storable: readonly Date[];
  resolve: (counts: LoyaltyCounts[]) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  db: MetricsClient;
  params: MetricParams;
  windowMs: number;
  frequencyCap: number;
  waiters: Waiter[];
}

const batches = new Map<string, Batch>();
/** Only requests on the same client (the same database, the same transaction) are batched. */
const clientIds = new WeakMap<MetricsClient, number>();
let lastClientId = 0;

/**
 * The loyalty counts at the ends, like getLoyaltyCountsAtEnds, but requests for the same query
 * (client, filters, window length and cap) that arrive within a few milliseconds of each other
 * share one computation over the union of their ends. The Loyalty page asks for the summary
 * (the window's end and the previous period's) and the trend (12 month ends, the last being
 * the window's end) together: one computation of 13 ends reads the year's purchases and contacts
 * once instead of twice. Each end's counts do not depend on the other ends computed with it.
 *
 * Counts at the `storable` ends (the trend's past month starts, a summary's previous-period
 * end) are read from the store where it holds them, over the whole data
 * (stored-loyalty-counts.ts); those computed are stored.
 */
export function loyaltyCountsAtEnds(
  db: MetricsClient,
  params: MetricParams,
  ends: readonly Date[],
  windowMs: number,
  frequencyCap: number,
  { storable = [] }: { storable?: readonly Date[] } = {},
): Promise<LoyaltyCounts[]> {
  if (!clientIds.has(db)) clientIds.set(db, ++lastClientId);
  const key = JSON.stringify([clientIds.get(db), params, windowMs, frequencyCap]);
  return new Promise((resolve, reject) => {
    const waiter = { ends, storable, resolve, reject };
    const batch = batches.get(key);
    if (batch) {
      batch.waiters.push(waiter);
      return;
    }
    batches.set(key, { db, params, windowMs, frequencyCap, waiters: [waiter] });
    setTimeout(() => {
      const due = batches.get(key)!;
      batches.delete(key);
      void runBatch(due);
    }, BATCH_WAIT_MS);
  });
}

async function runBatch(batch: Batch): Promise<void> {
  const { waiters } = batch;
  const times = new Set(waiters.flatMap((waiter) => waiter.ends.map((end) => end.getTime())));
  if (waiters.length === 1 || times.size > MAX_ENDS) {
    await Promise.all(
      waiters.map((waiter) =>
        countsAt(batch, waiter.ends, waiter.storable).then(waiter.resolve, waiter.reject),
      ),
    );
    return;
  }
  try {
    const ends = [...times].map((time) => new Date(time));
    const counts = await countsAt(
      batch,
      ends,
      waiters.flatMap((waiter) => waiter.storable),
    );
    const at = new Map(ends.map((end, i) => [end.getTime(), counts[i]]));
    for (const waiter of waiters) waiter.resolve(waiter.ends.map((end) => at.get(end.getTime())!));
  } catch (error) {
    for (const waiter of waiters) waiter.reject(error);
  }
}

/**
 * The counts at the ends (in their order): the storable ones from the store where it holds
 * them, the rest computed together; storable ones computed are then stored. Storing is an aid:
 * when it fails, the counts are still returned.
 */
async function countsAt(
  { db, params, windowMs, frequencyCap }: Batch,
  ends: readonly Date[],
  storable: readonly Date[],
): Promise<LoyaltyCounts[]> {
  const canStore = storable.length > 0 && countsCanBeStored(params);
  const key = { workspaceId: params.workspaceId, windowMs, frequencyCap };
  const stored = canStore
    ? await readStoredLoyaltyCounts(db, key, storable)
    : { version: 0n, counts: new Map<number, LoyaltyCounts>() };
  const missing = ends
    .filter((end) => !stored.counts.has(end.getTime()))
    .sort((a, b) => a.getTime() - b.getTime());
  const computed =
    missing.length > 0 ? await getLoyaltyCountsAtEnds(db, params, missing, windowMs, frequencyCap) : [];
  const at = new Map(stored.counts);
  missing.forEach((end, i) => at.set(end.getTime(), computed[i]));
  if (canStore) {
    const keep = new Set(storable.map((end) => end.getTime()));
    const fresh = missing
      .filter((end) => keep.has(end.getTime()))
      .map((end) => ({ end, counts: at.get(end.getTime())! }));
    try {
      await storeLoyaltyCounts(db, key, stored.version, fresh);
    } catch (error) {
      console.error(`[metrics] could not store loyalty counts of workspace ${params.workspaceId}`, error);
    }
  }
  return ends.map((end) => at.get(end.getTime())!);
}

/**
 * The loyalty counts at several window ends, from statements run at once: the purchases' and
 * the contacted customers' of each half of the customers (customer-ranges.ts), and the contact
 * segments'. `ends` are ascending instants; at end `t` the
 * loyalty window is [t − windowMs, t), and the 90- and 28-day figures end at `t`.
 *
 * Every purchase figure counts rows that hold at a contiguous run of ends, so each purchase is
 * read once: it yields the first and last end index it counts for (width_bucket over the ends),
 * rows are counted per (first, last) pairs in one GROUP BY, and each pair adds to the ends it
 * spans. A customer counts once per end through the one row that is their first in the window
 * there (LAG gives the previous row; a missing one is older than every window). The contact
 * figures come from customerRowsSql and segmentRowsSql: millions of contacts, so no window
 * functions over them.
 */
export async function getLoyaltyCountsAtEnds(
  db: MetricsClient,
  params: MetricParams,
  ends: readonly Date[],
  windowMs: number,
  frequencyCap: number,
): Promise<LoyaltyCounts[]> {
  const K = ends.length;
  if (K < 1 || K > MAX_ENDS) throw new RangeError(`between 1 and ${MAX_ENDS} ends`);
  const last = ends[K - 1];
  const loyalty = elapsed(windowMs);
  const active = elapsed(ACTIVE_DAYS * DAY_MS);
  const floor = elapsed(AT_RISK_FLOOR_DAYS * DAY_MS);
  // Over-contacted: contacts / 4 weeks > cap, i.e. at least `nth` contacts in the 28 days.
  const nth = contactsAboveCap(frequencyCap, PRESSURE_DAYS / 7);
  const wb = (x: Prisma.Sql) => Prisma.sql`width_bucket(${x}, pts.ends)`;
  const kLast = Prisma.sql`CAST(${K} AS int)`;
  const kNone = Prisma.sql`CAST(${K + 1} AS int)`;
  const endsArray = sqlInstants(ends);
  const segments = contactSegments(ends);

  // Every figure is a sum over customers: the customers are split in two ranges, and the
  // purchases' and contacted customers' statements of each, with the contact segments', run at
  // once, each on its own connection and core (as one statement: 1.4 s at 200,000 customers).
  const purchaseRows = (customers: CustomerRange) => Prisma.sql`
    WITH pts AS (
      SELECT ${endsArray} AS ends
    ),
    purchases AS (
      SELECT p."customerId" AS c, p."ts",
        LAG(p."ts") OVER w AS prev, LEAD(p."ts") OVER w AS next, ROW_NUMBER() OVER w AS n,
        CAST(EXTRACT(EPOCH FROM p."ts" - LAG(p."ts") OVER w) * 1000 AS float8) AS gap
      FROM "Event" p
      WHERE p."workspaceId" = ${params.workspaceId} AND p."type" = 'purchased'
        AND p."ts" < ${sqlInstant(last)}
        AND ${customerCondition(params, Prisma.sql`p."customerId"`)}
        -- In the key's own order: the range bounds the read of the purchases' customer-led index.
        AND ${inCustomerRange(customers, Prisma.sql`p."customerId"`, "index")}
      WINDOW w AS (PARTITION BY p."customerId" ORDER BY p."ts")
    ),
    lapsed AS (
      -- The last purchase before some end, with ≥ 2 purchases and ≥ 60 days before that end:
      -- only these need the median gap of the purchases up to them.
      SELECT p.c, p.n, p."ts", p.next
      FROM purchases p CROSS JOIN pts
      WHERE p.n >= 2 AND ${wb(Prisma.sql`p."ts" + ${floor}`)} < COALESCE(${wb(Prisma.sql`p.next`)}, ${kLast})
    ),
    thresholds AS (
      SELECT l.c, l."ts", l.next,
        GREATEST(${AT_RISK_FLOOR_DAYS * DAY_MS}::float8, 2 * percentile_cont(0.5) WITHIN GROUP (ORDER BY g.gap))
          AS ms
      FROM lapsed l
      JOIN purchases g ON g.c = l.c AND g.n BETWEEN 2 AND l.n
      GROUP BY l.c, l.n, l."ts", l.next
    ),
    purchase_spans AS (
      SELECT ${wb(Prisma.sql`GREATEST(p."ts", p.prev + ${loyalty})`)} + 1 AS lo_buyer,
        CASE WHEN p.next IS NULL THEN ${kNone}
          ELSE ${wb(Prisma.sql`GREATEST(p."ts", p.prev + ${loyalty}, p.next)`)} + 1 END AS lo_repeat,
        ${wb(Prisma.sql`p."ts" + ${loyalty}`)} AS hi_window,
        ${wb(Prisma.sql`GREATEST(p."ts", p.prev + ${active})`)} + 1 AS lo_active,
        ${wb(Prisma.sql`p."ts" + ${active}`)} AS hi_active,
        CASE WHEN p.n >= 2 THEN ${wb(Prisma.sql`p."ts"`)} + 1 ELSE ${kNone} END AS lo_last,
        COALESCE(${wb(Prisma.sql`p.next`)}, ${kLast}) AS hi_last
      FROM purchases p CROSS JOIN pts
    )
    SELECT CASE WHEN GROUPING(s.lo_buyer) = 0 THEN 'purchasers'
        WHEN GROUPING(s.lo_repeat) = 0 THEN 'repeatPurchasers'
        WHEN GROUPING(s.lo_active) = 0 THEN 'activeCustomers'
        ELSE 'repeatCustomers' END AS metric,
      COALESCE(s.lo_buyer, s.lo_repeat, s.lo_active, s.lo_last) AS lo,
      COALESCE(s.hi_window, s.hi_active, s.hi_last) AS hi,
      COUNT(*) AS n, 0 AS scored, 0 AS relevance, 0 AS over
    FROM purchase_spans s
    GROUP BY GROUPING SETS ((s.lo_buyer, s.hi_window), (s.lo_repeat, s.hi_window), (s.lo_active, s.hi_active),
      (s.lo_last, s.hi_last))
    UNION ALL
    SELECT 'atRiskCustomers', ${wb(Prisma.sql`t."ts" + t.ms * interval '1 millisecond'`)} + 1,
      COALESCE(${wb(Prisma.sql`t.next`)}, ${kLast}), COUNT(*), 0, 0, 0
    FROM thresholds t CROSS JOIN pts
    GROUP BY 2, 3`;
  const ranges = await customerRanges(db, 2);
  const statements = [
    ...ranges.flatMap((customers) => [
      purchaseRows(customers),
      customerRowsSql(params, ends, segments, nth, endsArray, customers),
    ]),
    segmentRowsSql(params, ends, segments),
  ];
  const rows = (await Promise.all(statements.map((sql) => db.$queryRaw<SpanRow[]>(sql)))).flat();

  const counts = ends.map(
    () => Object.fromEntries(COUNT_NAMES.map((name) => [name, 0])) as unknown as LoyaltyCounts,
  );
  const add = (name: keyof LoyaltyCounts, lo: number, hi: number, value: number) => {
    for (let k = lo; k <= Math.min(hi, K); k++) counts[k - 1][name] += value;
  };
  for (const row of rows) {
    const n = Number(row.n);
    if (row.metric === "customers") {
      for (let k = 0; k < K; k++) {
        counts[k].contactedCustomers90d += contactBits.contacted90(row.lo, k) * n;
        counts[k].engagedCustomers90d += contactBits.contacted90(row.hi, k) * n;
        counts[k].contactedCustomers28d += contactBits.contacted28(row.lo, k) * n;
        counts[k].overContactedCustomers += contactBits.contacted90(row.over, k) * n;
      }
    } else if (row.metric === "segments") {
      for (let k = 0; k < K; k++) {
        if (!contactBits.contacted28(segments.masks[row.lo - 1], k)) continue;
        counts[k].contacts28d += n;
        counts[k].scoredContacts28d += Number(row.scored);
        counts[k].relevanceSum28d += Number(row.relevance);
      }
    } else {
      add(row.metric, row.lo, row.hi, n);
    }
  }
  return counts;
}

/** The least whole number of contacts n with n / weeks > cap (as the frequency area compares). */
export function contactsAboveCap(cap: number, weeks: number): number {
  let n = Math.max(1, Math.floor(cap * weeks));
  while (n > 1 && (n - 1) / weeks > cap) n -= 1;
  while (!(n / weeks > cap)) n += 1;
  return n;
}
