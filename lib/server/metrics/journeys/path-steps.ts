import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { PathEvent } from "@/lib/metrics/journeys";

import { customerCondition } from "../common/customer-filter";
import type { MetricParams } from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

import { eventMatches } from "./event-match";

export interface PathStepOptions {
  anchor: "start" | "end";
  event?: PathEvent;
  depth: number;
  types?: readonly string[];
}

/**
 * Rows `(step, type, channel, "nextType", "nextChannel", ended, customers)`: how many customers
 * have the label (type, channel) at `step` followed by the label (nextType, nextChannel) —
 * or by `(end)` when `ended`, or by nothing shown when both are null. `channel` is set for
 * message events only, so (type, channel) is the label.
 *
 * The window's events of each customer are ordered by (time, type, channel); equal labels are
 * then adjacent at an instant, and runs of them are numbered (`run`) and collapsed: a run is
 * represented by its last event, whose `lead` is the first event of the next run. The anchor
 * is the first run holding a matching event. Start: runs anchor … anchor + depth are steps
 * 1 … depth + 1. End: runs anchor − depth … anchor are steps 1 … depth + 1, the anchor last.
 */
export function pathStepsSql(params: MetricParams, options: PathStepOptions): Prisma.Sql {
  const { workspaceId, from, to, channel } = params;
  const { anchor, event, depth } = options;
  const hit = event ? eventMatches({ type: event.type, channel: event.channel }, {}) : Prisma.sql`TRUE`;
  // Only customers with an anchor event in the window have a path: with a chosen event, read
  // just their events (through the customer index) instead of the whole window's.
  const anchored = event
    ? Prisma.sql`AND e."customerId" IN (SELECT a."customerId" FROM "Event" a
        WHERE a."workspaceId" = ${workspaceId} AND a."type" = CAST(${event.type} AS "EventType")
          AND a."ts" >= ${sqlInstant(from)} AND a."ts" < ${sqlInstant(to)}
          ${event.channel ? Prisma.sql`AND a."channel" = CAST(${event.channel} AS "Channel")` : Prisma.empty})`
    : Prisma.empty;
  const types = options.types
    ? Prisma.sql`AND CAST(e."type" AS text) = ANY(${[...options.types]}::text[])`
    : Prisma.empty;
  const sends = channel
    ? Prisma.sql`AND (e."type" <> 'message_sent' OR e."channel" = CAST(${channel} AS "Channel"))`
    : Prisma.empty;
  const window = Prisma.sql`PARTITION BY x.c ORDER BY x."ts", x."type", x.ch`;
  const same = (other: "lag" | "lead") =>
    Prisma.sql`(${Prisma.raw(other)}(x."type") OVER (${window}) = x."type"
      AND ${Prisma.raw(other)}(x.ch) OVER (${window}) IS NOT DISTINCT FROM x.ch)`;
  const step = anchor === "start" ? Prisma.sql`r.run - r.at + 1` : Prisma.sql`r.run - r.at + ${depth + 1}`;
  const inRange =
    anchor === "start"
      ? Prisma.sql`r.run >= r.at AND r.run <= r.at + ${depth}`
      : Prisma.sql`r.run >= r.at - ${depth} AND r.run <= r.at`;
  // The last kept run shows no next step (start: cut off unless the path ends there; end: the anchor).
  const last = anchor === "start" ? Prisma.sql`r.run = r.at + ${depth}` : Prisma.sql`r.run = r.at`;
  return Prisma.sql`
    SELECT ${step} AS step, r."type", r.ch AS channel,
      CASE WHEN ${last} THEN NULL ELSE r."nextType" END AS "nextType",
      CASE WHEN ${last} THEN NULL ELSE r."nextChannel" END AS "nextChannel",
      (r."nextType" IS NULL AND ${anchor === "start"}) AS ended,
      COUNT(*) AS customers
    FROM (
      SELECT n.*, MIN(n.run) FILTER (WHERE n.hit) OVER (PARTITION BY n.c) AS at
      FROM (
        SELECT b.*, SUM(b.starts) OVER (PARTITION BY b.c ORDER BY b."ts", b."type", b.ch ROWS UNBOUNDED PRECEDING) AS run
        FROM (
          SELECT x.c, x."ts", x."type", x.ch,
            CASE WHEN ${same("lag")} THEN 0 ELSE 1 END AS starts,
            CASE WHEN ${same("lead")} THEN FALSE ELSE TRUE END AS ends,
            lead(x."type") OVER (${window}) AS "nextType",
            lead(x.ch) OVER (${window}) AS "nextChannel",
            x.hit
          FROM (
            SELECT e."customerId" AS c, e."ts", e."type",
              CASE WHEN e."type" IN ('message_sent', 'message_delivered', 'message_bounced',
                'message_opened', 'message_clicked') THEN e."channel" END AS ch,
              ${hit} AS hit
            FROM "Event" e
            WHERE e."workspaceId" = ${workspaceId}
              AND e."ts" >= ${sqlInstant(from)} AND e."ts" < ${sqlInstant(to)}
              ${types} ${sends} ${anchored}
              AND ${customerCondition(params, Prisma.sql`e."customerId"`)}
          ) x
        ) b
      ) n
    ) r
    WHERE r.ends AND r.at IS NOT NULL AND ${inRange}
    GROUP BY 1, 2, 3, 4, 5, 6`;
}
