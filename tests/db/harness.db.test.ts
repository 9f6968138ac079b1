import pg from "pg";
import { describe, expect, inject, test } from "vitest";

import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();

describe("test harness", () => {
  test("hands each file a fresh, migrated database of the project's kind", async () => {
    expect(db.current.target.kind).toBe(inject("databaseKind"));
    expect(await db.current.prisma.event.count()).toBe(0);
    const [row] = await db.current.sql.query<{ migrations: number }>(
      `SELECT COUNT(*)::int AS migrations FROM "_prisma_migrations"`,
    );
    expect(row.migrations).toBeGreaterThan(0);
  });

  test.runIf(inject("databaseKind") === "postgres")(
    "names the PostgreSQL database after the test file",
    async () => {
      const [row] = await db.current.sql.query<{ name: string }>("SELECT current_database() AS name");
      expect(row.name).toMatch(/^test_harness_db_[0-9a-f]{8}$/);
    },
  );

  test.runIf(inject("databaseKind") === "postgres")(
    "pins each session to UTC although the test server runs in Pacific/Chatham",
    async () => {
      const [row] = await db.current.sql.query<{ setting: string; reset_val: string; boot_val: string }>(
        "SELECT setting, reset_val, boot_val FROM pg_settings WHERE name = 'TimeZone'",
      );
      expect(row.setting).toBe("UTC");
      // A plain session, without Resonans's connection options, gets the server's zone.
      const plain = new pg.Client({ connectionString: inject("postgresAdminUrl") });
      await plain.connect();
      try {
        const { rows } = await plain.query<{ TimeZone: string }>("SHOW TimeZone");
        expect(rows[0].TimeZone).toBe("Pacific/Chatham");
      } finally {
        await plain.end();
      }
    },
  );
});
