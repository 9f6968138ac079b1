import fs from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";

import type { DatabaseTarget } from "./config";
import { lockDataDir } from "./pglite-lock";

/** A low-level SQL runner used by migrations, bulk loads and tests; the same SQL runs on both. */
export interface SqlRunner {
  /** Runs one or more statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with bound parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database {
  target: DatabaseTarget;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    // Sessions in UTC: the adapter sends instants without an offset, which the server would
    // otherwise read in its own time zone.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      options: "-c TimeZone=UTC -c jit=off",
    });
    // An idle connection that the server drops (restart, terminated backend) must not crash
    // the process; the pool replaces it on the next query.
    pool.on("error", (error) => console.warn(`[db] idle PostgreSQL connection closed: ${error.message}`));
    return assemble(target, new PrismaPg(pool), {
      exec: async (text) => void (await pool.query(text)),
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      close: () => pool.end(),
    });
  }

  const unlock = target.dataDir ? lockDataDir(target.dataDir) : () => undefined;
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  await client.waitReady;
  await client.exec("SET TimeZone = 'UTC'");
  return assemble(target, new PrismaPGlite(client), {
    exec: async (text) => void (await client.exec(text)),
    query: async (text, params) => (await client.query(text, params as unknown[])).rows as never[],
    close: async () => {
      await client.close();
      unlock();
    },
  });
}

function assemble(
  target: DatabaseTarget,
  adapter: SqlDriverAdapterFactory,
  driver: SqlRunner & { close(): Promise<void> },
): Database {
  const prisma = new PrismaClient({ adapter });
  return {
    target,
    prisma,
    sql: { exec: driver.exec, query: driver.query },
    async close() {
      await prisma.$disconnect();
      await driver.close();
    },
  };
}
