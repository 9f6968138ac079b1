import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import type { MetricParams } from "./metric-params";
import { sqlInstant } from "./sql-instant";

/**
 * The one SQL definition of "a contact in the report window" (docs/metrics.md): a
 * message_sent of the workspace in [from, to) whose messageKind is not transactional
 * (none counts as promotional), on the requested channel if any. The condition is on the
 * Event row aliased `e`; every metric that counts contacts uses it.
 */
export function contactCondition({ workspaceId, from, to, channel }: MetricParams): Prisma.Sql {
  const channelCondition = channel
    ? Prisma.sql`AND e."channel" = CAST(${channel} AS "Channel")`
    : Prisma.empty;
  return Prisma.sql`e."workspaceId" = ${workspaceId}
    AND e."type" = 'message_sent'
    AND e."messageKind" IS DISTINCT FROM 'transactional'
    AND e."ts" >= ${sqlInstant(from)}
    AND e."ts" < ${sqlInstant(to)}
    ${channelCondition}`;
}
