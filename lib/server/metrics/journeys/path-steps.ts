import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { PathEvent } from "@/lib/metrics/journeys";

import { customerCondition } from "../common/customer-filter";
import { type CustomerRange, inCustomerRange } from "../common/customer-ranges";
import type { MetricParams } from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

import { eventMatches } from "./event-match";

export interface PathStepOptions {
  anchor: "start" | "end";
  event?: PathEvent;
  depth: number;
  types?: readonly string[];
  /** Only the customers in this range (default every customer). */
  customers?: CustomerRange;
}

const MESSAGE_TYPES = [
  "message_sent",
  "message_delivered",
  "message_bounced",
  "message_opened",
  "message_clicked",
];

/** The channel part of the label of the Event row aliased `e`: its channel for message events only. */
const labelChannel = Prisma.sql`CASE WHEN e."type" IN (${Prisma.raw(
  MESSAGE_TYPES.map((type) => `'${type}'`).join(", "),
)}) THEN e."channel" END`;

/**
 * Rows `(step, type, channel, "nextType", "nextChannel", ended, customers)`: how many customers
 * have the label (type, channel) at `step` followed by the label (nextType, nextChannel) —
 * or by `(end)` when `ended`, or by nothing shown when both are null. `channel` is set for
 * message events only, so (type, channel) is the label.
 *
 * The window's events of each customer are ordered by (time, type, channel); equal labels are
 * then adjacent at an instant. The anchor is the run of equal labels holding the customer's
 * first matching event, so with a chosen event only the events on the anchor's side of that
 * first match are read: from it on (start) or up to it (end). Cutting inside the anchor's run
 * leaves its label and every other run as they were, and the anchor becomes the first (start)
 * or the last (end) run read. A run is represented by its last event, whose `lead` is the first
 * event of the next run; the runs are then numbered from the anchor's side. Start: runs
 * 1 … depth + 1 are steps 1 … depth + 1. End: the last depth + 1 runs are steps 1 … depth + 1,
 * the anchor last.
 */
export function pathStepsSql(params: MetricParams, options: PathStepOptions): Prisma.Sql {
  const { workspaceId, from, to, channel } = params;
  const { anchor, event, depth } = options;
  const types = options.types
    ? Prisma.sql`AND CAST(e."type" AS text) = ANY(${[...options.types]}::text[])`
    : Prisma.empty;
  const sends = channel
    ? Prisma.sql`AND (e."type" <> 'message_sent' OR e."channel" = CAST(${channel} AS "Channel"))`
    : Prisma.empty;
  // The events that take part in paths: the same filter for the anchor and the path. The
  // customer range in the key's own order bounds the read of the customer-led events index.
  const customers = options.customers
    ? Prisma.sql`AND ${inCustomerRange(options.customers, Prisma.sql`e."customerId"`, "index")}`
    : Prisma.empty;
  const takingPart = Prisma.sql`e."ts" >= ${sqlInstant(from)} AND e."ts" < ${sqlInstant(to)}
    ${types} ${sends} ${customers} AND ${customerCondition(params, Prisma.sql`e."customerId"`)}`;

  const { anchors, events } = event
    ? anchoredEvents(workspaceId, event, anchor, takingPart)
    : {
        anchors: Prisma.empty,
        events: Prisma.sql`SELECT e."customerId" AS c, e."ts", e."type", e."channel", ${labelChannel} AS ch
          FROM "Event" e WHERE e."workspaceId" = ${workspaceId} AND ${takingPart}`,
      };

  // Path order is (time, type, label channel); ordering by the event's own channel instead gives
  // the same runs (events of one type differ in label channel only when it is their channel) and
  // is the order an index on (customer, time, type, channel) already returns. Lead and
  // row_number ignore the frame: ROWS spares the comparison of peers.
  const order = Prisma.sql`ORDER BY b."ts", b."type", b."channel" ROWS UNBOUNDED PRECEDING`;
  const step =
    anchor === "start"
      ? Prisma.sql`row_number() OVER (PARTITION BY b.c ${order})`
      : Prisma.sql`row_number() OVER (PARTITION BY b.c ${order}) - COUNT(*) OVER (PARTITION BY b.c) + ${depth + 1}`;
  const kept = anchor === "start" ? Prisma.sql`r.step <= ${depth + 1}` : Prisma.sql`r.step >= 1`;
  // The last kept run shows no next step (start: cut off unless the path ends there; end: the anchor).
  const last = Prisma.sql`r.step = ${depth + 1}`;
  return Prisma.sql`${anchors}
    SELECT r.step, r."type", r.ch AS channel,
      CASE WHEN ${last} THEN NULL ELSE r."nextType" END AS "nextType",
      CASE WHEN ${last} THEN NULL ELSE r."nextChannel" END AS "nextChannel",
      (r."nextType" IS NULL AND ${anchor === "start"}) AS ended,
      COUNT(*) AS customers
    FROM (
      SELECT b.c, b."type", b.ch, b."nextType", b."nextChannel", ${step} AS step
      FROM (
        SELECT x.c, x."ts", x."type", x."channel", x.ch,
          lead(x."type") OVER w AS "nextType", lead(x.ch) OVER w AS "nextChannel"
        FROM (${events}) x
        WINDOW w AS (PARTITION BY x.c ORDER BY x."ts", x."type", x."channel" ROWS UNBOUNDED PRECEDING)
      ) b
      WHERE b."nextType" IS DISTINCT FROM b."type" OR b."nextChannel" IS DISTINCT FROM b.ch
    ) r
    WHERE ${kept}
    GROUP BY 1, 2, 3, 4, 5, 6`;
}

/**
 * With a chosen event: `anchors` (a WITH clause) holds each customer's first matching event as
 * (c, ts, ch), in the path order of (time, type, label channel); `events` are the customer's
 * events at or after it (start) or at or before it (end) in that order, read through the
 * customer index for those customers only.
 */
function anchoredEvents(
  workspaceId: number,
  event: PathEvent,
  anchor: "start" | "end",
  takingPart: Prisma.Sql,
): { anchors: Prisma.Sql; events: Prisma.Sql } {
  const type = Prisma.sql`CAST(${event.type} AS "EventType")`;
  // The anchor's label channel; a constant unless it can differ between matching events, so
  // that the first match is found from an index alone where one covers it.
  const anchorChannel = !MESSAGE_TYPES.includes(event.type)
    ? Prisma.sql`CAST(NULL AS "Channel")`
    : event.channel
      ? Prisma.sql`CAST(${event.channel} AS "Channel")`
      : Prisma.sql`e."channel"`;
  const anchors = Prisma.sql`WITH f AS (
      SELECT DISTINCT ON (e."customerId") e."customerId" AS c, e."ts", ${anchorChannel} AS ch
      FROM "Event" e
      WHERE e."workspaceId" = ${workspaceId}
        AND ${eventMatches({ type: event.type, channel: event.channel }, {})} AND ${takingPart}
      ORDER BY e."customerId", e."ts", 3)`;
  // (ts, type, label channel) compared with the anchor's in path order, where a missing label
  // channel sorts last.
  const side =
    anchor === "start"
      ? Prisma.sql`e."ts" >= f."ts" AND (e."ts" > f."ts" OR e."type" > ${type}
          OR (e."type" = ${type} AND (${labelChannel} IS NULL OR ${labelChannel} >= f.ch)))`
      : Prisma.sql`e."ts" <= f."ts" AND (e."ts" < f."ts" OR e."type" < ${type}
          OR (e."type" = ${type} AND (f.ch IS NULL OR ${labelChannel} <= f.ch)))`;
  const events = Prisma.sql`SELECT e."customerId" AS c, e."ts", e."type", e."channel", ${labelChannel} AS ch
    FROM f JOIN "Event" e ON e."workspaceId" = ${workspaceId} AND e."customerId" = f.c AND ${side}
    WHERE ${takingPart}`;
  return { anchors, events };
}
