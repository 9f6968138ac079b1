import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/ingest/keyed-event";

import { oldEvents } from "./old-events";
import { type BatchRow, type RetentionBatch, summariseBatch } from "./retention-batch";

// `anon_` and the 32 hex digits of a random UUID: random, never computed from the id it replaces.
const RANDOM_TOKEN = Prisma.raw(`'anon_' || replace(CAST(gen_random_uuid() AS text), '-', '')`);

/**
 * Anonymises up to `limit` events from before the cutoff that still carry a real customer key,
 * in customer order: each customer's events get one random token (`known` carries the tokens
 * the run already gave, so a customer split between batches keeps one), their traits and
 * properties are removed, and their event key becomes a random one, so neither the key nor
 * anything stored with the event leads back to the customer.
 */
export async function anonymiseOldEvents(
  tx: Tx,
  workspaceId: number,
  cutoff: Date,
  limit: number,
  known: ReadonlyMap<string, string>,
): Promise<RetentionBatch> {
  const rows = await tx.$queryRaw<BatchRow[]>(Prisma.sql`
    WITH picked AS (
      SELECT e."id", e."customerId" FROM "Event" AS e
      WHERE ${oldEvents(workspaceId, cutoff, "anonymise")}
      ORDER BY e."customerId", e."id"
      LIMIT ${limit}
    ),
    known AS (
      SELECT * FROM unnest(CAST(${[...known.keys()]} AS text[]), CAST(${[...known.values()]} AS text[]))
        AS k(customer, token)
    ),
    tokens AS MATERIALIZED (
      SELECT c.customer, COALESCE(k.token, ${RANDOM_TOKEN}) AS token
      FROM (SELECT DISTINCT p."customerId" AS customer FROM picked AS p) AS c
      LEFT JOIN known AS k ON k.customer = c.customer
    ),
    changed AS (
      UPDATE "Event" AS e
      SET "customerId" = t.token, "traits" = NULL, "properties" = NULL, "eventKey" = ${RANDOM_TOKEN}
      FROM picked AS p JOIN tokens AS t ON t.customer = p."customerId"
      WHERE e."workspaceId" = ${workspaceId} AND e."id" = p."id"
      RETURNING p."customerId" AS customer, t.token, e."ts"
    )
    SELECT c.customer, c.token, count(*) AS events, min(c."ts") AS first
    FROM changed AS c
    GROUP BY c.customer, c.token
    ORDER BY c.customer`);
  return summariseBatch(rows);
}
