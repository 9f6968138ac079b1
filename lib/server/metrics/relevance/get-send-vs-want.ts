import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { SendVsWant, SendVsWantRow } from "@/lib/metrics/relevance";

import { contactFactCondition } from "../common/contact-filter";
import { customerCondition } from "../common/customer-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

import { rate } from "./relevance-figures";

/**
 * Send share against want share per topic (METRICS.md §2). Sends: the window's contacts with a
 * topic (channel and segment filtered). Wants: interest signals in the window, undecayed —
 * product_viewed 1, message_clicked 2 (its own or inherited topic), cart_added 3, purchased 5
 * for each of its topics — segment filtered, never channel filtered. Gap index:
 * 50 · Σ |send share − want share| over the topics of either side, null when a side is empty.
 */
export async function getSendVsWant(db: MetricsClient, params: MetricParams): Promise<SendVsWant> {
  assertMetricParams(params);
  const { workspaceId, from, to } = params;
  // Sends and wants are independent: two statements at once, joined on the topic here.
  const [sends, wants] = await Promise.all([
    db.$queryRaw<{ topic: string | null; contacts: bigint }[]>(Prisma.sql`
      SELECT f."topic", COUNT(*) AS "contacts"
      FROM "ContactFact" f
      WHERE ${contactFactCondition(params)}
      GROUP BY f."topic"`),
    db.$queryRaw<{ topic: string; weight: bigint }[]>(Prisma.sql`
      WITH signals AS MATERIALIZED (
        -- The window's signals first, through the (workspace, type, time) index; the segment is
        -- applied to them afterwards (a misestimated segment would otherwise probe per customer).
        SELECT s."customerId", s."type", array_append(s."topics", s."topic") AS "all"
        FROM "Event" s
        WHERE s."workspaceId" = ${workspaceId}
          AND s."type" IN ('product_viewed', 'message_clicked', 'cart_added', 'purchased')
          AND s."ts" >= ${sqlInstant(from)} AND s."ts" < ${sqlInstant(to)}
      )
      SELECT t."topic", SUM(
        CASE s."type" WHEN 'product_viewed' THEN 1 WHEN 'message_clicked' THEN 2 WHEN 'cart_added' THEN 3 ELSE 5 END
      )::bigint AS "weight"
      FROM signals s
      -- Each distinct topic of the signal once: an element counts where it first occurs.
      CROSS JOIN LATERAL unnest(s."all") WITH ORDINALITY AS t("topic", i)
      WHERE t."topic" IS NOT NULL AND array_position(s."all", t."topic") = t.i
        AND ${customerCondition(params, Prisma.sql`s."customerId"`)}
      GROUP BY t."topic"`),
  ]);
  const weights = new Map(wants.map((row) => [row.topic, row.weight]));
  const rows = [
    ...sends.map((row) => ({ ...row, weight: (row.topic !== null && weights.get(row.topic)) || 0n })),
    ...wants
      .filter((want) => !sends.some((send) => send.topic === want.topic))
      .map((want) => ({ topic: want.topic, contacts: 0n, weight: want.weight })),
  ];

  const withoutTopic = rows.find((row) => row.topic === null);
  const topical = rows.filter((row): row is typeof row & { topic: string } => row.topic !== null);
  const contactsWithTopic = topical.reduce((sum, row) => sum + Number(row.contacts), 0);
  const totalSignalWeight = topical.reduce((sum, row) => sum + Number(row.weight), 0);
  const topics: SendVsWantRow[] = topical
    .map((row) => ({
      topic: row.topic,
      contacts: Number(row.contacts),
      sendShare: rate(Number(row.contacts), contactsWithTopic),
      signalWeight: Number(row.weight),
      wantShare: rate(Number(row.weight), totalSignalWeight),
    }))
    .sort(bySendThenWant);
  const gapIndex =
    contactsWithTopic === 0 || totalSignalWeight === 0
      ? null
      : 50 * topics.reduce((sum, row) => sum + Math.abs((row.sendShare ?? 0) - (row.wantShare ?? 0)), 0);
  return {
    contactsWithTopic,
    contactsWithoutTopic: Number(withoutTopic?.contacts ?? 0),
    totalSignalWeight,
    gapIndex,
    topics,
  };
}

function bySendThenWant(a: SendVsWantRow, b: SendVsWantRow): number {
  if (a.contacts !== b.contacts) return b.contacts - a.contacts;
  if (a.signalWeight !== b.signalWeight) return b.signalWeight - a.signalWeight;
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0;
}
