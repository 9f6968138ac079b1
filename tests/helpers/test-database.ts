import { randomBytes } from "node:crypto";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, expect, inject } from "vitest";

import { type Database, openDatabase } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";

import { assertLocalDatabaseUrl } from "./local-database-guard";

export interface TestDatabaseOptions {
  /** Apply prisma/migrations before handing the database over (default true). */
  migrate?: boolean;
}

/** A fresh database of the project's kind (PGlite or PostgreSQL), dropped on close. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const db =
    inject("databaseKind") === "postgres" ? await createPostgresDatabase() : await createPgliteDatabase();
  if (options.migrate ?? true) await applyMigrations(db.sql);
  return db;
}

/**
 * Gives the calling test file its own database for all of its tests: created in beforeAll,
 * closed (and on PostgreSQL dropped) in afterAll. Read `.current` inside tests or hooks.
 */
export function setupTestDatabase(options: TestDatabaseOptions = {}): { readonly current: Database } {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(options);
  });
  afterAll(async () => {
    await db?.close();
  });
  return {
    get current() {
      expect(db, "the test database is only available inside tests and hooks").toBeDefined();
      return db as Database;
    },
  };
}

function createPgliteDatabase(): Promise<Database> {
  return openDatabase({ kind: "pglite", dataDir: null });
}

async function createPostgresDatabase(): Promise<Database> {
  const adminUrl = inject("postgresAdminUrl");
  assertLocalDatabaseUrl(adminUrl);
  const name = uniqueDatabaseName();
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

/** `test_<file>_<random>`: readable in pg_stat_activity, unique per file and run. */
function uniqueDatabaseName(): string {
  const file = path.basename(expect.getState().testPath ?? "file").replace(/\.test\.ts$/, "");
  const slug = file
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 40);
  return `test_${slug}_${randomBytes(4).toString("hex")}`;
}

async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
