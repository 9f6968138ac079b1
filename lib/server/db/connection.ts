import fs from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
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

/** One connection inside one transaction, for bulk loads (the file import's chunks). */
export interface BulkSession extends SqlRunner {
  /** Runs one statement with bound parameters and returns how many rows it changed. */
  execute(sql: string, params?: unknown[]): Promise<number>;
  /** Loads rows in COPY's text format (copy-text.ts) into `table`: `COPY table FROM STDIN`. */
  copyInto(table: string, text: string): Promise<void>;
}

export interface Database {
  target: DatabaseTarget;
  prisma: PrismaClient;
  sql: SqlRunner;
  /**
   * Runs `work` in a transaction on a connection of its own, with COPY at hand: committed when
   * `work` resolves, rolled back when it throws. Statements go straight to the driver, without
   * the ORM's parameter and result handling, which dominates at tens of thousands of rows.
   */
  bulkTransaction<T>(work: (session: BulkSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    // Sessions in UTC: the adapter sends instants without an offset, which the server would
    // otherwise read in its own time zone. Temporary tables (an import chunk's staging table,
    // up to 8 MB of file) stay in memory: past the default 8 MB of temp_buffers they go to
    // disk, and a 20,000-row chunk took three times as long. Idle connections stay open for
    // five minutes (the driver's default is ten seconds): a new server process first maps the
    // shared buffers' pages it reads, and a dashboard page opened after a pause of a few
    // seconds paid that on every statement (send vs want 620–820 ms against 270–380 warm).
    // Idle connections do not keep a finished script's process alive.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      idleTimeoutMillis: 5 * 60_000,
      allowExitOnIdle: true,
      options: "-c TimeZone=UTC -c jit=off -c temp_buffers=32MB",
    });
    // An idle connection that the server drops (restart, terminated backend) must not crash
    // the process; the pool replaces it on the next query.
    pool.on("error", (error) => console.warn(`[db] idle PostgreSQL connection closed: ${error.message}`));
    return assemble(target, new PrismaPg(pool), {
      exec: async (text) => void (await pool.query(text)),
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      bulkTransaction: (work) => postgresTransaction(pool, work),
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
    bulkTransaction: (work) =>
      client.transaction((tx) =>
        work({
          exec: async (text) => void (await tx.exec(text)),
          query: async (text, params) => (await tx.query(text, params as unknown[])).rows as never[],
          execute: async (text, params) => (await tx.query(text, params as unknown[])).affectedRows ?? 0,
          copyInto: async (table, text) =>
            void (await tx.query(`COPY ${table} FROM '/dev/blob'`, [], { blob: new Blob([text]) })),
        }),
      ),
    close: async () => {
      await client.close();
      unlock();
    },
  });
}

async function postgresTransaction<T>(pool: pg.Pool, work: (session: BulkSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work({
      exec: async (text) => void (await client.query(text)),
      query: async (text, params) => (await client.query(text, params as unknown[])).rows,
      execute: async (text, params) => (await client.query(text, params as unknown[])).rowCount ?? 0,
      copyInto: (table, text) =>
        new Promise<void>((resolve, reject) => {
          const stream = client.query(copyFrom(`COPY ${table} FROM STDIN`));
          stream.on("finish", resolve).on("error", reject);
          stream.end(text);
        }),
    });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is closed rather than handed to the next caller.
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

// The bulk transactions of each client's database, for code handed only the client. On
// globalThis, so that every bundle of the server (route handlers, pages) shares one registry.
const registry = globalThis as unknown as {
  resonansBulkTransactions?: WeakMap<PrismaClient, Database["bulkTransaction"]>;
};
const bulkTransactions = (registry.resonansBulkTransactions ??= new WeakMap());

/** Bulk transactions on the database that a client from `openDatabase` talks to. */
export function bulkTransactionOf(prisma: PrismaClient): Database["bulkTransaction"] {
  const run = bulkTransactions.get(prisma);
  if (!run)
    throw new Error("This Prisma client was not opened by openDatabase: it has no bulk transactions.");
  return run;
}

function assemble(
  target: DatabaseTarget,
  adapter: SqlDriverAdapterFactory,
  driver: SqlRunner & Pick<Database, "bulkTransaction" | "close">,
): Database {
  const prisma = new PrismaClient({ adapter });
  bulkTransactions.set(prisma, driver.bulkTransaction);
  return {
    target,
    prisma,
    sql: { exec: driver.exec, query: driver.query },
    bulkTransaction: driver.bulkTransaction,
    async close() {
      await prisma.$disconnect();
      await driver.close();
    },
  };
}
