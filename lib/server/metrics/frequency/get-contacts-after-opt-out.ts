import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { contactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

export interface ContactsAfterOptOut {
  /** Contacts in the window made while the customer was opted out of the send's channel. */
  contacts: number;
  /** Distinct customers receiving at least one of those contacts. */
  customers: number;
}

/**
 * Contacts after opt-out (METRICS.md §1): the latest of the customer's unsubscribed,
 * complained, consent_withdrawn and consent_granted events strictly before the send, on the
 * send's channel or on no channel, is not a grant; at a tie of instants an opt-out wins.
 */
export async function getContactsAfterOptOut(
  db: MetricsClient,
  params: MetricParams,
): Promise<ContactsAfterOptOut> {
  assertMetricParams(params);
  const [row] = await db.$queryRaw<{ contacts: bigint; customers: bigint }[]>(Prisma.sql`
    WITH opted_out AS (
      -- Only customers who ever opted out before the window's end can be contacted after it.
      SELECT DISTINCT x."customerId"
      FROM "Event" x
      WHERE x."workspaceId" = ${params.workspaceId}
        AND x."type" IN ('unsubscribed', 'complained', 'consent_withdrawn')
        AND x."ts" < ${sqlInstant(params.to)}
    )
    SELECT COUNT(*) AS contacts, COUNT(DISTINCT e."customerId") AS customers
    FROM "Event" e
    CROSS JOIN LATERAL (
      SELECT o."type"
      FROM "Event" o
      WHERE o."workspaceId" = e."workspaceId"
        AND o."customerId" = e."customerId"
        AND o."ts" < e."ts"
        AND o."type" IN ('unsubscribed', 'complained', 'consent_withdrawn', 'consent_granted')
        AND (o."channel" IS NULL OR o."channel" = e."channel")
      ORDER BY o."ts" DESC, (o."type" = 'consent_granted') ASC
      LIMIT 1
    ) latest
    WHERE ${contactCondition(params)}
      AND e."customerId" IN (SELECT "customerId" FROM opted_out)
      AND latest."type" <> 'consent_granted'`);
  return { contacts: Number(row.contacts), customers: Number(row.customers) };
}
