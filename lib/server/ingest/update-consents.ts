import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { CONSENT_EVENT_TYPES } from "@/lib/schemas/event";

import { fromSource, type EventSource } from "./event-source";
import type { SqlTx } from "./keyed-event";

// At the same instant an opt-out wins over a grant (METRICS.md §1); among opt-outs the
// stronger one wins (complained > unsubscribed > withdrawn), so ties never depend on order.
const rank = (state: string) =>
  Prisma.raw(
    `CASE ${state} WHEN 'granted' THEN 0 WHEN 'withdrawn' THEN 1 WHEN 'unsubscribed' THEN 2 ELSE 3 END`,
  );

const CONSENT_TYPES = Prisma.join(CONSENT_EVENT_TYPES.map((type) => Prisma.sql`${type}`));

/**
 * Consent per channel: the latest applicable unsubscribed / complained / consent_withdrawn /
 * consent_granted; one without a channel applies to every channel. A stored state is replaced
 * only by an event later in (time, rank) order, so batches commute.
 */
export async function upsertConsents(tx: SqlTx, source: EventSource) {
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "CustomerConsent" ("workspaceId", "customerId", "channel", "state", "changedAt")
    SELECT DISTINCT ON (x.customer, x.channel) CAST(${source.workspaceId} AS integer), x.customer, x.channel, x.state, x.at
    FROM (
      SELECT u.customer, c.channel, u.at, u.state
      FROM (
        SELECT e."customerId" AS customer, e."channel", e."ts" AS at,
          CAST(CASE CAST(e."type" AS text) WHEN 'consent_granted' THEN 'granted' WHEN 'consent_withdrawn' THEN 'withdrawn'
            ELSE CAST(e."type" AS text) END AS "ConsentState") AS state
        ${fromSource(source)} AND CAST(e."type" AS text) IN (${CONSENT_TYPES})
      ) AS u
      CROSS JOIN LATERAL unnest(
        CASE WHEN u."channel" IS NULL THEN enum_range(NULL::"Channel") ELSE ARRAY[u."channel"] END
      ) AS c(channel)
    ) AS x
    ORDER BY x.customer, x.channel, x.at DESC, ${rank("x.state")} DESC
    ON CONFLICT ("workspaceId", "customerId", "channel") DO UPDATE SET
      "state" = EXCLUDED."state",
      "changedAt" = EXCLUDED."changedAt"
    WHERE (EXCLUDED."changedAt", ${rank('EXCLUDED."state"')})
      > ("CustomerConsent"."changedAt", ${rank('"CustomerConsent"."state"')})`);
}
