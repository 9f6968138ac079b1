import { PGlite } from "@electric-sql/pglite";

/**
 * The Overview's four numbers, queried directly from the database with SQL written here
 * independently of lib/server/metrics — the end-to-end test compares the page with these.
 */
export interface ExpectedOverview {
  contacts: number;
  contactedCustomers: number;
  medianContactsPerWeek: number | null;
  contactsAfterOptOut: number;
}

export async function queryExpectedOverview(
  dataDir: string,
  window: { from: string; to: string },
): Promise<ExpectedOverview> {
  const db = new PGlite(dataDir);
  try {
    const bounds = `
      WITH w AS (
        SELECT ws.id AS wid,
               ($1::date)::timestamp AT TIME ZONE ws."timeZone" AS t0,
               ($2::date + 1)::timestamp AT TIME ZONE ws."timeZone" AS t1
        FROM "Workspace" ws WHERE ws.slug = 'nordlys-sport'
      ),
      contacts AS (
        SELECT e.* FROM "Event" e, w
        WHERE e."workspaceId" = w.wid AND e.type = 'message_sent'
          AND e."messageKind" IS DISTINCT FROM 'transactional'
          AND e.ts >= w.t0 AND e.ts < w.t1
      )`;
    const params = [window.from, window.to];
    const [totals] = (
      await db.query<{ contacts: number; customers: number }>(
        `${bounds} SELECT count(*)::int AS contacts, count(DISTINCT "customerId")::int AS customers FROM contacts`,
        params,
      )
    ).rows;
    const [median] = (
      await db.query<{ median: number | null }>(
        `${bounds}, per AS (
           SELECT count(*) / (EXTRACT(EPOCH FROM (w.t1 - w.t0)) / 604800.0) AS cpw
           FROM contacts, w GROUP BY contacts."customerId", w.t0, w.t1
         ) SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY cpw)::float8 AS median FROM per`,
        params,
      )
    ).rows;
    const [violations] = (
      await db.query<{ n: number }>(
        `${bounds} SELECT count(*)::int AS n FROM contacts c
         WHERE (
           SELECT o.type FROM "Event" o
           WHERE o."workspaceId" = c."workspaceId" AND o."customerId" = c."customerId" AND o.ts < c.ts
             AND o.type IN ('unsubscribed', 'complained', 'consent_withdrawn', 'consent_granted')
             AND (o.channel IS NULL OR o.channel = c.channel)
           ORDER BY o.ts DESC, CASE WHEN o.type = 'consent_granted' THEN 1 ELSE 0 END
           LIMIT 1
         ) IN ('unsubscribed', 'complained', 'consent_withdrawn')`,
        params,
      )
    ).rows;
    return {
      contacts: totals.contacts,
      contactedCustomers: totals.customers,
      medianContactsPerWeek: median.median,
      contactsAfterOptOut: violations.n,
    };
  } finally {
    await db.close();
  }
}
