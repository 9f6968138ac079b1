import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { SqlRunner } from "./connection";

export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma/migrations");

export interface MigrationFileEntry {
  name: string;
  sql: string;
  checksum: string;
}

/** Lists prisma/migrations/<timestamp>_<name>/migration.sql in order. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFileEntry[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Same bookkeeping table as `prisma migrate deploy`, so either tool can take over.
const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies every migration not yet recorded, each in its own transaction, and returns the
 * names applied. Refuses to run when an applied migration's file has since changed.
 */
export async function applyMigrations(sql: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql.exec(BOOKKEEPING);
  const applied = await sql.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const appliedByName = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  const done: string[] = [];
  for (const migration of readMigrations(dir)) {
    const known = appliedByName.get(migration.name);
    if (known !== undefined) {
      if (known !== migration.checksum) {
        throw new Error(
          `Migration ${migration.name} was changed after it was applied. Restore the file, or add a new migration instead.`,
        );
      }
      continue;
    }
    const record = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
      VALUES (${literal(randomUUID())}, ${literal(migration.checksum)}, ${literal(migration.name)}, now(), now(), 1);`;
    // The migration and its record commit together, or not at all.
    await sql.exec(`BEGIN;\n${migration.sql}\n;\n${record}\nCOMMIT;`).catch(async (error: unknown) => {
      await sql.exec("ROLLBACK").catch(() => undefined);
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
    });
    done.push(migration.name);
  }
  return done;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
