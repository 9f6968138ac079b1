// npm run db:migration:create -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes a database
// from the existing migrations to prisma/schema — offline, using Prisma's schema engine as
// WebAssembly against a throwaway in-memory PGlite (no engine binary download).
import fs from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { MIGRATIONS_DIR, readMigrations } from "@/lib/server/db/migrate";

const SCHEMA_DIR = path.resolve("prisma/schema");

/** The existing migrations, as the engine replays them on a shadow database. */
function migrationList() {
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations().map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: migration.sql } },
    })),
  };
}

async function main() {
  const rawName = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
  if (!rawName) throw new Error("Usage: npm run db:migration:create -- <name>");
  const name = rawName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

  const client = new PGlite();
  await client.waitReady;

  const files = fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map(
      (file) =>
        [path.join(SCHEMA_DIR, file), fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")] as [
          string,
          string,
        ],
    );

  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(client));
  const engine = await SchemaEngine.new({ datamodels: files }, () => undefined, adapter);
  const result = await engine.diff({
    from: { tag: "migrations", ...migrationList() },
    to: { tag: "schemaDatamodel", files: files.map(([p, content]) => ({ path: p, content })) },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  engine.free();
  await client.close();

  const body = (result.stdout ?? "").trim();
  if (!body || /^-- This is an empty migration/.test(body)) {
    console.log("The schema matches the migrations: nothing to create.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), `${body}\n`);
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
  console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
