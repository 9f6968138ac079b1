import pg from "pg";

import type { Database } from "@/lib/server/db/connection";

import type { Execute } from "./writer";

/**
 * Runs bulk statements in one transaction, on a single connection, bypassing Prisma: Prisma 7
 * caches each raw query with its full parameter text (megabytes per chunk here), which would
 * hold the whole data set in memory. PGlite has one connection, so BEGIN/COMMIT through the
 * shared runner suffices (nothing else may use the database meanwhile, as when seeding); on
 * PostgreSQL the pool would scatter the statements, so a dedicated client is opened.
 */
export async function withBulkTransaction<T>(
  db: Database,
  work: (execute: Execute) => Promise<T>,
): Promise<T> {
  if (db.target.kind === "pglite") {
    return inTransaction(
      (sql) => db.sql.exec(sql),
      work,
      (sql, params) => db.sql.query(sql, params),
    );
  }
  const client = new pg.Client({ connectionString: db.target.url });
  await client.connect();
  try {
    return await inTransaction(
      async (sql) => void (await client.query(sql)),
      work,
      (sql, params) => client.query(sql, params),
    );
  } finally {
    await client.end();
  }
}

async function inTransaction<T>(
  exec: (sql: string) => Promise<void>,
  work: (execute: Execute) => Promise<T>,
  execute: Execute,
): Promise<T> {
  await exec("BEGIN");
  try {
    const result = await work(execute);
    await exec("COMMIT");
    return result;
  } catch (error) {
    await exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
