import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { column, iso, type KeyedEvent, type Tx } from "./keyed-event";

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
 * Upserts the batch's customers: firstSeenAt is the minimum and lastSeenAt the maximum of
 * their event times; traits merge per key, latest trait time wins, with `traitTimes` kept
 * beside them. Every step is a min/max, so batches commute. Rows go in sorted by id; the row
 * lock each upsert takes is held to commit and serialises batches sharing a customer (see
 * inherit-topics.ts, which relies on it).
 */
export async function upsertCustomers(tx: Tx, workspaceId: number, events: readonly KeyedEvent[]) {
  const seen = new Map<string, { first: Date; last: Date }>();
  for (const event of events) {
    const known = seen.get(event.customerId);
    if (!known) seen.set(event.customerId, { first: event.timestamp, last: event.timestamp });
    else {
      if (event.timestamp < known.first) known.first = event.timestamp;
      if (event.timestamp > known.last) known.last = event.timestamp;
    }
  }
  const customers = [...seen.entries()];
  const updates = events.filter((event) => event.traits !== null);

  await tx.$executeRaw(Prisma.sql`
    WITH seen AS (
      SELECT * FROM unnest(
        CAST(${column(customers, ([id]) => id)} AS text[]),
        CAST(${column(customers, ([, c]) => iso(c.first))} AS timestamptz[]),
        CAST(${column(customers, ([, c]) => iso(c.last))} AS timestamptz[])
      ) AS u(id, first, last)
    ),
    incoming AS (
      SELECT w.customer, jsonb_object_agg(w.key, w.value) AS traits, jsonb_object_agg(w.key, w.at) AS times
      FROM (
        SELECT DISTINCT ON (u.customer, kv.key) u.customer, kv.key, kv.value, to_jsonb(u.at) AS at
        FROM unnest(
          CAST(${column(updates, (e) => e.customerId)} AS text[]),
          CAST(${column(updates, (e) => iso(e.timestamp))} AS text[]),
          CAST(${column(updates, (e) => JSON.stringify(e.traits))} AS jsonb[])
        ) AS u(customer, at, traits)
        CROSS JOIN LATERAL jsonb_each(u.traits) AS kv
        ORDER BY u.customer, kv.key, CAST(u.at AS timestamptz) DESC, CAST(kv.value AS text) COLLATE "C" DESC
      ) AS w
      GROUP BY w.customer
    )
    INSERT INTO "Customer" ("workspaceId", "id", "traits", "traitTimes", "firstSeenAt", "lastSeenAt")
    SELECT CAST(${workspaceId} AS integer), s.id, COALESCE(i.traits, '{}'), COALESCE(i.times, '{}'), s.first, s.last
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
