import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { WELCOME_DAYS } from "@/lib/metrics/journeys";

import { customerCondition } from "../common/customer-filter";
import type { MetricParams } from "../common/metric-params";
import { sqlInstant } from "../common/sql-instant";

import { hoursInterval } from "./event-match";

const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/**
 * Rows `(c, "firstSeenAt", "signupDate", joined, welcomed)` of the customers who joined in the
 * window. Joining is the earlier of the customer's first event and the midnight starting their
 * signupDate trait in the workspace zone (params.timeZone, else UTC). Welcomed: a lifecycle
 * message_sent (on the channel filter, if any) in [joined, joined + 7 × 24 h).
 */
export function newCustomersSql(params: MetricParams): Prisma.Sql {
  const { workspaceId, from, to, channel } = params;
  const signupText = Prisma.sql`(cu."traits" ->> 'signupDate')`;
  const signupAt = Prisma.sql`CASE WHEN ${signupText} ~ ${DATE_PATTERN}
    THEN CAST(CAST(${signupText} AS date) AS timestamp) AT TIME ZONE ${params.timeZone ?? "UTC"} END`;
  const sends = channel ? Prisma.sql`AND w."channel" = CAST(${channel} AS "Channel")` : Prisma.empty;
  return Prisma.sql`
    SELECT j.c, j."firstSeenAt", j."signupDate", j.joined,
      EXISTS (
        -- Lifecycle sends are contacts: the narrow contact facts hold them, in customer order.
        SELECT 1 FROM "ContactFact" w
        WHERE w."workspaceId" = ${workspaceId} AND w."customerId" = j.c
          AND w."kind" = 'lifecycle'
          AND w."ts" >= j.joined AND w."ts" < j.joined + ${hoursInterval(WELCOME_DAYS * 24)}
          ${sends}
      ) AS welcomed
    FROM (
      SELECT cu."id" AS c, cu."firstSeenAt", ${signupText} AS "signupDate",
        LEAST(cu."firstSeenAt", ${signupAt}) AS joined
      FROM "Customer" cu
      -- Joining is at or before the first event, so joining in the window means a first event from 'from' on.
      WHERE cu."workspaceId" = ${workspaceId} AND cu."firstSeenAt" >= ${sqlInstant(from)}
        AND ${customerCondition(params, Prisma.sql`cu."id"`)}
    ) j
    WHERE j.joined >= ${sqlInstant(from)} AND j.joined < ${sqlInstant(to)}`;
}
