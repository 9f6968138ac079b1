import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { FunnelStep } from "@/lib/metrics/journeys";

import type { MetricParams } from "../common/metric-params";

/**
 * The SQL condition for "the Event row aliased `e` matches this step": its type, and where
 * given its channel, topic (own or inherited topic, or one of its topics) and messageKind (a
 * send without one is promotional). The report's channel filter restricts contacts only, so
 * it narrows message_sent steps and nothing else.
 */
export function eventMatches(step: FunnelStep, params: Pick<MetricParams, "channel">): Prisma.Sql {
  const conditions = [Prisma.sql`e."type" = CAST(${step.type} AS "EventType")`];
  if (step.channel) conditions.push(Prisma.sql`e."channel" = CAST(${step.channel} AS "Channel")`);
  if (params.channel && step.type === "message_sent") {
    conditions.push(Prisma.sql`e."channel" = CAST(${params.channel} AS "Channel")`);
  }
  if (step.topic) {
    conditions.push(Prisma.sql`(e."topic" = ${step.topic} OR ${step.topic} = ANY(e."topics"))`);
  }
  if (step.messageKind) {
    conditions.push(Prisma.sql`COALESCE(CAST(e."messageKind" AS text), 'promotional') = ${step.messageKind}`);
  }
  return Prisma.join(conditions, " AND ");
}

/** An elapsed time of `hours` × 1 h as an SQL interval (never in days: METRICS.md). */
export function hoursInterval(hours: number): Prisma.Sql {
  return Prisma.sql`(CAST(${hours} AS float8) * interval '1 hour')`;
}
