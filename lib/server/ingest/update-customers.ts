import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { fromSource, jsonInstant, type EventSource } from "./event-source";
import type { SqlTx } from "./keyed-event";

/**
 * The winning value of each trait: the latest trait time, and at equal times the greater
 * value by its JSON text in byte order, so the result never depends on arrival order.
 * `stored` and `incoming` are row sources of (key, value jsonb, at jsonb string).
 */
function latestTraits(sources: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (x.key) x.key, x.value, x.at
    FROM (${sources}) AS x(key, value, at)
    ORDER BY x.key, CAST(x.at #>> '{}' AS timestamptz) DESC NULLS LAST, CAST(x.value AS text) COLLATE "C" DESC`;
}

const MERGED = latestTraits(Prisma.sql`
  SELECT kv.key, kv.value, "Customer"."traitTimes" -> kv.key FROM jsonb_each("Customer"."traits") AS kv
  UNION ALL
  SELECT kv.key, kv.value, EXCLUDED."traitTimes" -> kv.key FROM jsonb_each(EXCLUDED."traits") AS kv`);

/**
 * Upserts the customers of the source's events: firstSeenAt is the minimum and lastSeenAt the
 * maximum of their event times; traits merge per key, latest trait time wins, with
 * `traitTimes` kept beside them. Every step is a min/max, so batches commute and a repeated
 * derivation changes nothing. Rows go in sorted by id; the row lock each upsert takes is held
 * to commit and serialises batches sharing a customer (see inherit-topics.ts, which relies on it).
 */
export async function upsertCustomers(tx: SqlTx, source: EventSource) {
  await tx.$executeRaw(Prisma.sql`
    WITH src AS (SELECT e."customerId" AS customer, e."ts", e."traits" ${fromSource(source)}),
    seen AS (SELECT customer AS id, min("ts") AS first, max("ts") AS last FROM src GROUP BY customer),
    incoming AS (
      SELECT w.customer, jsonb_object_agg(w.key, w.value) AS traits, jsonb_object_agg(w.key, w.at) AS times
      FROM (
        SELECT DISTINCT ON (u.customer, kv.key) u.customer, kv.key, kv.value, ${jsonInstant(Prisma.sql`u."ts"`)} AS at
        FROM src AS u
        CROSS JOIN LATERAL jsonb_each(u."traits") AS kv
        WHERE u."traits" IS NOT NULL
        ORDER BY u.customer, kv.key, u."ts" DESC, CAST(kv.value AS text) COLLATE "C" DESC
      ) AS w
      GROUP BY w.customer
    )
    INSERT INTO "Customer" ("workspaceId", "id", "traits", "traitTimes", "firstSeenAt", "lastSeenAt")
    SELECT CAST(${source.workspaceId} AS integer), s.id, COALESCE(i.traits, '{}'), COALESCE(i.times, '{}'), s.first, s.last
    FROM seen AS s LEFT JOIN incoming AS i ON i.customer = s.id
    ORDER BY s.id
    ON CONFLICT ("workspaceId", "id") DO UPDATE SET
      "firstSeenAt" = LEAST("Customer"."firstSeenAt", EXCLUDED."firstSeenAt"),
      "lastSeenAt" = GREATEST("Customer"."lastSeenAt", EXCLUDED."lastSeenAt"),
      "traits" = CASE WHEN EXCLUDED."traits" = '{}' THEN "Customer"."traits"
        ELSE (SELECT COALESCE(jsonb_object_agg(m.key, m.value), '{}') FROM (${MERGED}) AS m) END,
      "traitTimes" = CASE WHEN EXCLUDED."traits" = '{}' THEN "Customer"."traitTimes"
        ELSE (SELECT COALESCE(jsonb_object_agg(m.key, m.at), '{}') FROM (${MERGED}) AS m) END
    -- Rows that would not change are left alone, but are locked all the same.
    WHERE EXCLUDED."firstSeenAt" < "Customer"."firstSeenAt" OR EXCLUDED."lastSeenAt" > "Customer"."lastSeenAt"
      OR EXCLUDED."traits" <> '{}'`);
}
