import fs from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
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
    const pool = new pg.Pool({ connectionString: target.url, max: 10, options: "-c TimeZone=UTC" });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const sql: SqlRunner = {
      async exec(text) {
        await pool.query(text);
      },
      async query(text, params) {
        const result = await pool.query(text, params as unknown[]);
        return result.rows;
      },
    };
    return {
      target,
      prisma,
      sql,
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  const unlock = target.dataDir ? lockDataDir(target.dataDir) : () => undefined;
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  await client.waitReady;
  await client.exec("SET TimeZone = 'UTC'");
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const sql: SqlRunner = {
    async exec(text) {
      await client.exec(text);
    },
    async query(text, params) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as never[];
    },
  };
  return {
    target,
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await client.close();
      unlock();
    },
  };
}
