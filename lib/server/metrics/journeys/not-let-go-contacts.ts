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
    latest AS (
      SELECT DISTINCT ON (s."id", o."channel") s."id", s.c, s."ts", o."channel", o."type", o."ts" AS at
      FROM sends s
      JOIN "Event" o ON o."workspaceId" = ${workspaceId} AND o."customerId" = s.c
        AND o."ts" < s."ts" AND o."type" IN ${CONSENT_TYPES}
      ORDER BY s."id", o."channel", o."ts" DESC, (o."type" = 'consent_granted') ASC
    ),
    state AS (
      SELECT l."id", l.c, l."ts",
        MAX(l.at) FILTER (WHERE l."channel" IS NULL AND l."type" <> 'consent_granted') AS "optedOutAt",
        MAX(l.at) FILTER (WHERE l."channel" IS NOT NULL AND l."type" = 'consent_granted') AS "grantedAt"
      FROM latest l GROUP BY l."id", l.c, l."ts"
    )
    SELECT s.c, s."ts", s."optedOutAt" FROM state s
    WHERE s."optedOutAt" IS NOT NULL AND (s."grantedAt" IS NULL OR s."grantedAt" <= s."optedOutAt")`;
}
