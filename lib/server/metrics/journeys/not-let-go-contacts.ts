import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { contactCondition } from "../common/contact-filter";
import type { MetricParams } from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

const CONSENT_TYPES = Prisma.sql`('unsubscribed', 'complained', 'consent_withdrawn', 'consent_granted')`;

/**
 * Rows `(c, "ts", "optedOutAt")`: promotional contacts in the window (channel filter and
 * segment applied) to a customer opted out of every channel strictly before the send. That is:
 * the latest channel-less unsubscribed/complained/consent_withdrawn/consent_granted before the
 * send is an opt-out (at `optedOutAt`), and no channel's latest event of those types before the
 * send is a grant later than it. At equal instants an opt-out wins, as in METRICS.md §1.
 */
export function notLetGoContactsSql(params: MetricParams): Prisma.Sql {
  const { workspaceId, to } = params;
  return Prisma.sql`
    WITH candidates AS (
      SELECT DISTINCT o."customerId" AS c FROM "Event" o
      WHERE o."workspaceId" = ${workspaceId} AND o."channel" IS NULL
        AND o."type" IN ('unsubscribed', 'complained', 'consent_withdrawn') AND o."ts" < ${sqlInstant(to)}
    ),
    sends AS (
      SELECT e."id", e."customerId" AS c, e."ts" FROM "Event" e
      WHERE ${contactCondition(params)}
        AND COALESCE(CAST(e."messageKind" AS text), 'promotional') = 'promotional'
        AND e."customerId" IN (SELECT c FROM candidates)
    ),
    timeline AS (
      -- Each consent event of a candidate is the latest of its channel (or of no channel) for
      -- the sends after it up to the next one: [at, until). At equal instants a grant sorts
      -- before an opt-out, so its span is empty and the opt-out is the latest.
      SELECT o."customerId" AS c, o."channel", o."type", o."ts" AS at,
        LEAD(o."ts") OVER (
          PARTITION BY o."customerId", o."channel" ORDER BY o."ts", (o."type" <> 'consent_granted')
        ) AS until
      FROM "Event" o
      WHERE o."workspaceId" = ${workspaceId} AND o."type" IN ${CONSENT_TYPES} AND o."ts" < ${sqlInstant(to)}
        AND o."customerId" IN (SELECT c FROM candidates)
    ),
    state AS (
      SELECT s."id", s.c, s."ts",
        MAX(t.at) FILTER (WHERE t."channel" IS NULL AND t."type" <> 'consent_granted') AS "optedOutAt",
        MAX(t.at) FILTER (WHERE t."channel" IS NOT NULL AND t."type" = 'consent_granted') AS "grantedAt"
      FROM sends s
      JOIN timeline t ON t.c = s.c AND t.at < s."ts" AND (t.until IS NULL OR t.until >= s."ts")
        -- Only a channel-less event or a channel's grant can decide.
        AND (t."channel" IS NULL OR t."type" = 'consent_granted')
      GROUP BY s."id", s.c, s."ts"
    )
    SELECT s.c, s."ts", s."optedOutAt" FROM state s
    WHERE s."optedOutAt" IS NOT NULL AND (s."grantedAt" IS NULL OR s."grantedAt" <= s."optedOutAt")`;
}
