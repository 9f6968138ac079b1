import "server-only";

import { CHANNELS } from "@/lib/events/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { type ContactsAfterOptOut, OPT_OUT_DELAY_BINS, type ViolationCount } from "@/lib/metrics/frequency";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { delaySeconds } from "./opt-out-delay";

export type { ContactsAfterOptOut } from "@/lib/metrics/frequency";

interface Row {
  byChannel: number;
  byCampaign: number;
  byBin: number;
  channel: string | null;
  campaignId: string | null;
  bin: number | null;
  contacts: bigint;
  customers: bigint;
  median: number | null;
  max: number | null;
}

const DAY_SECONDS = 86_400;

/**
 * Contacts after opt-out (METRICS.md §1): contacts whose ContactFact has an `optedOutAt` (the
 * latest applicable unsubscribed / complained / consent_withdrawn strictly before the send,
 * not followed by a grant; an opt-out wins a tie). Count, customers affected, per channel and
 * campaign, and the delay from that opt-out to the send (median, max, fixed bins), in days.
 */
export async function getContactsAfterOptOut(
  db: MetricsClient,
  params: MetricParams,
): Promise<ContactsAfterOptOut> {
  assertMetricParams(params);
  const binOf = Prisma.join(
    OPT_OUT_DELAY_BINS.flatMap((bin, index) =>
      bin.upperDays === null
        ? []
        : [Prisma.sql`WHEN v.seconds < ${bin.upperDays * DAY_SECONDS}::int THEN ${index}::int`],
    ),
    " ",
  );
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH v AS (
      SELECT f."customerId", CAST(f."channel" AS text) AS channel, f."campaignId",
        ${delaySeconds(Prisma.sql`f`)} AS seconds
      FROM "ContactFact" f
      WHERE ${contactFactCondition(params)} AND f."optedOutAt" IS NOT NULL
    ),
    binned AS (
      SELECT v.*, CASE ${binOf} ELSE ${OPT_OUT_DELAY_BINS.length - 1}::int END AS bin FROM v
    )
    SELECT GROUPING(b.channel) AS "byChannel", GROUPING(b."campaignId") AS "byCampaign",
      GROUPING(b.bin) AS "byBin", b.channel, b."campaignId", b.bin,
      COUNT(*) AS contacts, COUNT(DISTINCT b."customerId") AS customers,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(b.seconds AS float8)) / ${DAY_SECONDS}::float8 AS median,
      MAX(CAST(b.seconds AS float8)) / ${DAY_SECONDS}::float8 AS max
    FROM binned b
    GROUP BY GROUPING SETS ((), (b.channel), (b."campaignId"), (b.bin))`);

  // GROUPING() is 1 for a column left out of the row's grouping set.
  const count = (row: Row | undefined): ViolationCount => ({
    contacts: Number(row?.contacts ?? 0),
    customers: Number(row?.customers ?? 0),
  });
  const level = (channel: number, campaign: number, bin: number) =>
    rows.filter(
      (r) => Number(r.byChannel) === channel && Number(r.byCampaign) === campaign && Number(r.byBin) === bin,
    );
  const [all] = level(1, 1, 1);
  const channelRank = (channel: string | null) =>
    channel === null ? CHANNELS.length : CHANNELS.indexOf(channel as (typeof CHANNELS)[number]);
  const byChannel = level(0, 1, 1)
    .sort((a, b) => channelRank(a.channel) - channelRank(b.channel))
    .map((row) => ({
      channel: row.channel as ContactsAfterOptOut["byChannel"][number]["channel"],
      ...count(row),
    }));
  const byCampaign = level(1, 0, 1)
    .map((row) => ({ campaignId: row.campaignId, ...count(row) }))
    .sort(
      (a, b) =>
        b.contacts - a.contacts ||
        (a.campaignId === null ? 1 : 0) - (b.campaignId === null ? 1 : 0) ||
        compareCodePoints(a.campaignId ?? "", b.campaignId ?? ""),
    );
  const binRows = new Map(level(1, 1, 0).map((row) => [Number(row.bin), row]));
  return {
    ...count(all),
    byChannel,
    byCampaign,
    delay: {
      medianDays: all?.median == null ? null : Number(all.median),
      maxDays: all?.max == null ? null : Number(all.max),
      bins: OPT_OUT_DELAY_BINS.map((bin, index) => ({
        bin: bin.id,
        contacts: count(binRows.get(index)).contacts,
      })),
    },
  };
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
