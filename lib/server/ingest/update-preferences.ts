import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { fromSource, type EventSource } from "./event-source";
import type { SqlTx } from "./keyed-event";

// Latest first; at the same instant the greater content, so ties never depend on order.
const order = (row: string, direction = "") =>
  Prisma.raw(`${row}."updatedAt" ${direction}, array_to_string(${row}."topics", ',') COLLATE "C" ${direction},
    COALESCE(${row}."maxPerWeek", 0) ${direction}`);

/**
 * Stated preferences: the latest preferences_updated of each customer, as a whole (a field it
 * leaves out means no preference on that dimension: topics [] or maxPerWeek null).
 */
export async function upsertPreferences(tx: SqlTx, source: EventSource) {
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "CustomerPreference" ("workspaceId", "customerId", "topics", "maxPerWeek", "updatedAt")
    SELECT DISTINCT ON (u."customerId") CAST(${source.workspaceId} AS integer), u."customerId", u."topics",
      u."maxPerWeek", u."updatedAt"
    FROM (
      SELECT e."customerId", e."topics", e."maxPerWeek", e."ts" AS "updatedAt"
      ${fromSource(source)} AND CAST(e."type" AS text) = 'preferences_updated'
    ) AS u
    ORDER BY u."customerId", ${order("u", "DESC")}
    ON CONFLICT ("workspaceId", "customerId") DO UPDATE SET
      "topics" = EXCLUDED."topics",
      "maxPerWeek" = EXCLUDED."maxPerWeek",
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE (${order("EXCLUDED")}) > (${order('"CustomerPreference"')})`);
}
