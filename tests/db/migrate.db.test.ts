import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, test } from "vitest";

import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "@/lib/server/db/migrate";

import { setupTestDatabase } from "../helpers/test-database";

// The tests share one unmigrated database and run in order: each builds on the state the
// previous one left (as migrations do in real life).
const db = setupTestDatabase({ migrate: false });
const tempDirs: string[] = [];

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A throwaway copy of prisma/migrations that a test may change. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resonans-migrations-"));
  tempDirs.push(dir);
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
}

function migrationRows(): Promise<MigrationRow[]> {
  return db.current.sql.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );
}

async function tableExists(name: string): Promise<boolean> {
  const rows = await db.current.sql.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [
    `public."${name}"`,
  ]);
  return rows[0].found !== null;
}

describe("applyMigrations", () => {
  const shipped = readMigrations();

  test("applies every shipped migration to an empty database, in order", async () => {
    expect(shipped.length).toBeGreaterThan(0);
    const applied = await applyMigrations(db.current.sql);
    expect(applied).toEqual(shipped.map((migration) => migration.name));
    expect(await tableExists("Event")).toBe(true);
  });

  test("records each applied migration in _prisma_migrations with its SHA-256 checksum", async () => {
    const rows = await migrationRows();
    expect(rows.map((row) => row.migration_name)).toEqual(shipped.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      const expected = createHash("sha256").update(shipped[index].sql).digest("hex");
      expect(row.checksum).toBe(expected);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  test("a second run applies nothing and records nothing more", async () => {
    expect(await applyMigrations(db.current.sql)).toEqual([]);
    expect(await migrationRows()).toHaveLength(shipped.length);
  });

  test("refuses to run when an applied migration's file has changed since", async () => {
    const dir = copyOfMigrations();
    const file = path.join(dir, shipped[0].name, "migration.sql");
    fs.appendFileSync(file, "\n-- edited after the fact\n");
    await expect(applyMigrations(db.current.sql, dir)).rejects.toThrow(
      `Migration ${shipped[0].name} was changed after it was applied`,
    );
    expect(await migrationRows()).toHaveLength(shipped.length);
  });

  test("applies only a migration added later", async () => {
    const dir = copyOfMigrations();
    addMigration(dir, "29990101000000_add_probe", `CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY);`);
    expect(await applyMigrations(db.current.sql, dir)).toEqual(["29990101000000_add_probe"]);
    expect(await tableExists("probe")).toBe(true);
    expect(await applyMigrations(db.current.sql, dir)).toEqual([]);
  });

  test("a failing migration leaves neither a half-applied schema nor a record, and the database stays usable", async () => {
    const dir = copyOfMigrations();
    addMigration(
      dir,
      "29990102000000_broken",
      `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";`,
    );
    await expect(applyMigrations(db.current.sql, dir)).rejects.toThrow(
      /Migration 29990102000000_broken failed/,
    );
    expect(await tableExists("half_done")).toBe(false);
    expect((await migrationRows()).map((row) => row.migration_name)).not.toContain("29990102000000_broken");
    expect(await db.current.prisma.workspace.count()).toBe(0);
  });
});
