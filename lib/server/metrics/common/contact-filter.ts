import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { customerCondition } from "./customer-filter";
import type { MetricParams } from "./metric-params";
import { sqlInstant } from "./sql-instant";

/**
 * The one SQL definition of "a contact in the report window" (docs/metrics.md) on the Event
 * row aliased `e`: a message_sent of the workspace in [from, to) whose messageKind is not
 * transactional (none counts as promotional), on the requested channel if any, to a customer
 * of the segment if any.
 */
export function contactCondition(params: MetricParams): Prisma.Sql {
  const { workspaceId, from, to, channel } = params;
  const channelCondition = channel
    ? Prisma.sql`AND e."channel" = CAST(${channel} AS "Channel")`
    : Prisma.empty;
  return Prisma.sql`e."workspaceId" = ${workspaceId}
    AND e."type" = 'message_sent'
    AND e."messageKind" IS DISTINCT FROM 'transactional'
    AND e."ts" >= ${sqlInstant(from)}
    AND e."ts" < ${sqlInstant(to)}
    ${channelCondition}
    AND ${customerCondition(params, Prisma.sql`e."customerId"`)}`;
}

/**
 * The same contacts as `contactCondition`, on the ContactFact row aliased `alias` (default
 * `f`): every fact is a contact, so only window, channel and segment remain to test.
 */
export function contactFactCondition(params: MetricParams, alias = "f"): Prisma.Sql {
  const { workspaceId, from, to, channel } = params;
  const f = Prisma.raw(`"${alias.replace(/[^a-z_]/g, "")}"`);
  const channelCondition = channel
    ? Prisma.sql`AND ${f}."channel" = CAST(${channel} AS "Channel")`
    : Prisma.empty;
  return Prisma.sql`${f}."workspaceId" = ${workspaceId}
    AND ${f}."ts" >= ${sqlInstant(from)}
    AND ${f}."ts" < ${sqlInstant(to)}
    ${channelCondition}
    AND ${customerCondition(params, Prisma.sql`${f}."customerId"`)}`;
}
