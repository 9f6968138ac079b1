import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { column, iso, type KeyedEvent, topicsLiteral, type Tx } from "./keyed-event";

// Latest first; at the same instant the greater content, so ties never depend on order.
const order = (row: string, direction = "") =>
  Prisma.raw(`${row}."updatedAt" ${direction}, array_to_string(${row}."topics", ',') COLLATE "C" ${direction},
    COALESCE(${row}."maxPerWeek", 0) ${direction}`);

/**
 * Stated preferences: the latest preferences_updated of each customer, as a whole (a field it
 * leaves out means no preference on that dimension: topics [] or maxPerWeek null).
 */
export async function upsertPreferences(tx: Tx, workspaceId: number, events: readonly KeyedEvent[]) {
  const updates = events.filter((event) => event.type === "preferences_updated");
  if (updates.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "CustomerPreference" ("workspaceId", "customerId", "topics", "maxPerWeek", "updatedAt")
    SELECT DISTINCT ON (u."customerId") CAST(${workspaceId} AS integer), u."customerId", u."topics",
      u."maxPerWeek", u."updatedAt"
    FROM (
      SELECT v."customerId", CAST(v."topics" AS text[]) AS "topics", v."maxPerWeek", v."updatedAt"
      FROM unnest(
        CAST(${column(updates, (e) => e.customerId)} AS text[]),
        CAST(${column(updates, (e) => topicsLiteral(e.topics))} AS text[]),
        CAST(${column(updates, (e) => e.maxPerWeek)} AS float8[]),
        CAST(${column(updates, (e) => iso(e.timestamp))} AS timestamptz[])
      ) AS v("customerId", "topics", "maxPerWeek", "updatedAt")
    ) AS u
    ORDER BY u."customerId", ${order("u", "DESC")}
    ON CONFLICT ("workspaceId", "customerId") DO UPDATE SET
      "topics" = EXCLUDED."topics",
      "maxPerWeek" = EXCLUDED."maxPerWeek",
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE (${order("EXCLUDED")}) > (${order('"CustomerPreference"')})`);
}
