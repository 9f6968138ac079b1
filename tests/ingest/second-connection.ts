import { inject } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Database, openDatabase } from "@/lib/server/db/connection";

import { assertLocalDatabaseUrl } from "../helpers/local-database-guard";

/**
 * Another client on the test database for batches that must run at the same time: on
 * PostgreSQL a pool of its own (the harness drops the database WITH (FORCE) right after ending
 * its pool, which kills connections still closing; so the harness pool is kept to one client
 * and this one is drained before the harness closes); on PGlite the database itself (one
 * connection: batches queue).
 */
export async function openSecondConnection(
  db: Database,
): Promise<{ prisma: PrismaClient; close(): Promise<void> }> {
  if (inject("databaseKind") !== "postgres") return { prisma: db.prisma, close: async () => undefined };
  const [{ name }] = await db.sql.query<{ name: string }>("SELECT current_database() AS name");
  const url = new URL(inject("postgresAdminUrl"));
  url.pathname = `/${name}`;
  assertLocalDatabaseUrl(url.toString());
  const second = await openDatabase({ kind: "postgres", url: url.toString() });
  return {
    prisma: second.prisma,
    async close() {
      await second.close();
      for (let attempt = 0; attempt < 100; attempt++) {
        const [{ others }] = await db.sql.query<{ others: number }>(
          `SELECT count(*)::int AS others FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        if (others === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
