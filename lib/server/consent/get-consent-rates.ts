import "server-only";

import type { ConsentRatePoint, ConsentRates } from "@/lib/consent/consent-views";
import { zonedDate } from "@/lib/date-window";
import { CHANNELS, type ChannelName } from "@/lib/events/enums";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { CONSENT_EVENT_TYPES } from "@/lib/schemas/event";
import { sqlInstant } from "@/lib/server/metrics/common/sql-instant";
import { calendarWeeks } from "@/lib/server/metrics/frequency/calendar-weeks";

const CONSENT_TYPES = Prisma.join(CONSENT_EVENT_TYPES.map((type) => Prisma.sql`${type}`));

/** At one instant an opt-out wins over a grant, the stronger opt-out over the weaker (as the stored state). */
const RANK = Prisma.raw(
  `CASE CAST(e."type" AS text) WHEN 'consent_granted' THEN 0 WHEN 'consent_withdrawn' THEN 1 WHEN 'unsubscribed' THEN 2 ELSE 3 END`,
);

/** A text[] of bound values (array parameters are not read alike by both drivers). */
const textArray = (values: string[]) => Prisma.sql`CAST(ARRAY[${Prisma.join(values)}] AS text[])`;

/** Channels named by a consent event before `to`, in the enum's order. */
async function consentChannels(prisma: PrismaClient, workspaceId: number, to: Date): Promise<ChannelName[]> {
  const rows = await prisma.$queryRaw<{ channel: ChannelName }[]>(Prisma.sql`
    SELECT DISTINCT CAST(e."channel" AS text) AS "channel" FROM "Event" e
    WHERE e."workspaceId" = ${workspaceId} AND CAST(e."type" AS text) IN (${CONSENT_TYPES})
      AND e."channel" IS NOT NULL AND e."ts" < ${sqlInstant(to)}`);
  const named = new Set(rows.map((row) => row.channel));
  return CHANNELS.filter((channel) => named.has(channel));
}

interface RateRow {
  week: string;
  channel: ChannelName;
  customers: number;
  granted: number;
  grants: number;
  withdrawals: number;
  unsubscribes: number;
  complaints: number;
}

/**
 * Consent rates per channel, week by week (ISO weeks in `timeZone`, clipped to [from, to)):
 * among customers with any consent state on the channel at the end of the week, the share
 * whose latest applicable consent event is a grant; and the grants, withdrawals, unsubscribes
 * and complaints in the week. An event without a channel applies to every channel.
 */
export async function getConsentRates(
  prisma: PrismaClient,
  workspaceId: number,
  window: { from: Date; to: Date; timeZone: string },
): Promise<ConsentRates> {
  const weeks = calendarWeeks(window.from, window.to, window.timeZone);
  const channels = await consentChannels(prisma, workspaceId, window.to);
  if (weeks.length === 0 || channels.length === 0) return { channels, points: [] };
  const rows = await prisma.$queryRaw<RateRow[]>(Prisma.sql`
    WITH periods AS (
      SELECT p.week, p.starts, p.ends
      FROM unnest(
        ${textArray(weeks.map((week) => week.isoWeek))},
        CAST(${textArray(weeks.map((week) => week.from.toISOString()))} AS timestamptz[]),
        CAST(${textArray(weeks.map((week) => week.to.toISOString()))} AS timestamptz[])
      ) AS p(week, starts, ends)
    ),
    ch AS (SELECT unnest(CAST(${textArray(channels)} AS "Channel"[])) AS channel),
    ev AS (
      SELECT e."customerId" AS customer, ch.channel, e."ts", CAST(e."type" AS text) AS type, ${RANK} AS rank
      FROM "Event" e JOIN ch ON e."channel" IS NULL OR e."channel" = ch.channel
      WHERE e."workspaceId" = ${workspaceId} AND CAST(e."type" AS text) IN (${CONSENT_TYPES})
        AND e."ts" < ${sqlInstant(window.to)}
    ),
    steps AS (
      SELECT DISTINCT ON (customer, channel, ts) customer, channel, ts, rank
      FROM ev ORDER BY customer, channel, ts, rank DESC
    ),
    spans AS (
      SELECT channel, ts, rank, LEAD(ts) OVER (PARTITION BY customer, channel ORDER BY ts) AS next_ts
      FROM steps
    ),
    states AS (
      SELECT p.week, s.channel, COUNT(*) AS customers, COUNT(*) FILTER (WHERE s.rank = 0) AS granted
      FROM periods p JOIN spans s ON s.ts < p.ends AND (s.next_ts IS NULL OR s.next_ts >= p.ends)
      GROUP BY p.week, s.channel
    ),
    counts AS (
      SELECT p.week, ev.channel,
        COUNT(*) FILTER (WHERE ev.type = 'consent_granted') AS grants,
        COUNT(*) FILTER (WHERE ev.type = 'consent_withdrawn') AS withdrawals,
        COUNT(*) FILTER (WHERE ev.type = 'unsubscribed') AS unsubscribes,
        COUNT(*) FILTER (WHERE ev.type = 'complained') AS complaints
      FROM periods p JOIN ev ON ev.ts >= p.starts AND ev.ts < p.ends
      GROUP BY p.week, ev.channel
    )
    SELECT p.week, CAST(ch.channel AS text) AS channel,
      CAST(COALESCE(s.customers, 0) AS integer) AS customers, CAST(COALESCE(s.granted, 0) AS integer) AS granted,
      CAST(COALESCE(c.grants, 0) AS integer) AS grants, CAST(COALESCE(c.withdrawals, 0) AS integer) AS withdrawals,
      CAST(COALESCE(c.unsubscribes, 0) AS integer) AS unsubscribes,
      CAST(COALESCE(c.complaints, 0) AS integer) AS complaints
    FROM periods p CROSS JOIN ch
    LEFT JOIN states s ON s.week = p.week AND s.channel = ch.channel
    LEFT JOIN counts c ON c.week = p.week AND c.channel = ch.channel`);
  const byKey = new Map(rows.map((row) => [`${row.week}|${row.channel}`, row]));
  const points: ConsentRatePoint[] = weeks.flatMap((week) =>
    channels.map((channel) => {
      const row = byKey.get(`${week.isoWeek}|${channel}`);
      const customers = row?.customers ?? 0;
      const granted = row?.granted ?? 0;
      return {
        week: week.isoWeek,
        weekStart: zonedDate(week.weekStart, window.timeZone),
        channel,
        customers,
        granted,
        rate: customers === 0 ? null : granted / customers,
        grants: row?.grants ?? 0,
        withdrawals: row?.withdrawals ?? 0,
        unsubscribes: row?.unsubscribes ?? 0,
        complaints: row?.complaints ?? 0,
      };
    }),
  );
  return { channels, points };
}
