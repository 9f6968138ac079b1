import "server-only";

import type { ChannelName } from "@/lib/events/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContactsAfterOptOutList } from "@/lib/metrics/frequency";
import type { ListPaging } from "@/lib/metrics/query";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { pageBounds } from "../common/paging";

import { isoText } from "./frequency-sql";
import { delaySeconds } from "./opt-out-delay";

interface Row {
  total: bigint;
  eventId: bigint | null;
  customerId: string;
  sentAt: string;
  channel: string | null;
  campaignId: string | null;
  messageId: string | null;
  optedOutAt: string;
  delayDays: number;
}

/**
 * The contacts after opt-out of the window (see getContactsAfterOptOut), newest send first,
 * then by event id; one page, with the total. Customer-level data: callers check permission.
 */
export async function listContactsAfterOptOut(
  db: MetricsClient,
  params: MetricParams & ListPaging,
): Promise<ContactsAfterOptOutList> {
  assertMetricParams(params);
  const { limit, offset } = pageBounds(params);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH v AS (
      SELECT f."eventId", f."customerId", f."ts", f."channel", f."campaignId", f."messageId", f."optedOutAt"
      FROM "ContactFact" f
      WHERE ${contactFactCondition(params)} AND f."optedOutAt" IS NOT NULL
    )
    SELECT t.total, p."eventId", p."customerId", ${isoText(Prisma.sql`p."ts"`)} AS "sentAt",
      CAST(p."channel" AS text) AS channel, p."campaignId", p."messageId",
      ${isoText(Prisma.sql`p."optedOutAt"`)} AS "optedOutAt",
      CAST(${delaySeconds(Prisma.sql`p`)} AS float8) / 86400 AS "delayDays"
    FROM (SELECT COUNT(*) AS total FROM v) t
    LEFT JOIN (
      SELECT * FROM v ORDER BY v."ts" DESC, v."eventId" LIMIT ${limit}::int OFFSET ${offset}::int
    ) p ON TRUE
    ORDER BY p."ts" DESC, p."eventId"`);
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.flatMap((row) =>
      row.eventId === null
        ? []
        : [
            {
              eventId: String(row.eventId),
              customerId: row.customerId,
              sentAt: row.sentAt,
              channel: row.channel as ChannelName | null,
              campaignId: row.campaignId,
              messageId: row.messageId,
              optedOutAt: row.optedOutAt,
              delayDays: Number(row.delayDays),
            },
          ],
    ),
  };
}
