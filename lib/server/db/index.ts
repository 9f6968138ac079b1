import "server-only";

import { databaseTargetFromEnv, describeTarget } from "./config";
import { type Database, openDatabase } from "./connection";
import { applyMigrations } from "./migrate";

export type { Database } from "./connection";

const globalForDb = globalThis as unknown as { resonansDb?: Promise<Database> };

/**
 * The process-wide database: opened once, migrated on first use. PGlite allows one
 * connection per data directory, so every caller in a process shares this one.
 */
export function getDb(): Promise<Database> {
  globalForDb.resonansDb ??= (async () => {
    const target = databaseTargetFromEnv();
    const db = await openDatabase(target);
    const applied = await applyMigrations(db.sql);
    if (applied.length > 0) console.info(`[db] ${describeTarget(target)}: applied ${applied.join(", ")}`);
    return db;
  })().catch((error: unknown) => {
    globalForDb.resonansDb = undefined;
    throw error;
  });
  return globalForDb.resonansDb;
}

/** Prisma client of the process-wide database. */
export async function getPrisma() {
  return (await getDb()).prisma;
}

/** Tests only: makes `db` the process-wide database (so route handlers use it); undefined resets. */
export function useDatabaseForTests(db: Database | undefined): void {
  globalForDb.resonansDb = db === undefined ? undefined : Promise.resolve(db);
}
