import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, expect, inject, test } from "vitest";

import type { ImportBatch } from "@/lib/generated/prisma/client";
import { validateEvent } from "@/lib/schemas/event";
import { type Database, openDatabase } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { eventKey } from "@/lib/server/ingest/event-key";

import { syntheticEvents } from "../../scripts/bench/synthetic-events";
import { assertLocalDatabaseUrl } from "../helpers/local-database-guard";
import { setupTestDatabase } from "../helpers/test-database";
import { derivedState } from "../ingest/ingest-state";

import { counters, importFile, NDJSON, rowErrors, setupTempDir, storedEvents } from "./import-files";

/**
 * The CLI killed with SIGKILL in the middle of an import, then run again: it resumes from its
 * last committed chunk and ends with exactly what an uninterrupted import stores. The child
 * works on this file's database: on PostgreSQL the same database over its own connection, on
 * PGlite an on-disk data directory (one process at a time: the test opens it only while no
 * child runs).
 */

const db = setupTestDatabase();
const tmp = setupTempDir("resonans-kill-");
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EVENTS = 60_000;
const CHUNK_ROWS = 2_000;

const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
});

interface ImportFileFixture {
  file: string;
  /** Non-blank lines: the rows of the file. */
  rows: number;
  /** Keys of the distinct valid events, in file order. */
  keys: string[];
  duplicates: number;
  rejectedLines: number[];
}

/** Synthetic events with a line that is not JSON, an invalid event, a repeated line and a blank line now and then. */
function writeEventsFile(file: string): ImportFileFixture {
  const lines: string[] = [];
  let extra = 0;
  for (const event of syntheticEvents(EVENTS, 5_000, 21, "kill")) {
    lines.push(JSON.stringify(event));
    if (lines.length % 9_001 === 0) lines.push(`{"id": "broken-${extra++}",`);
    if (lines.length % 11_003 === 0) lines.push(JSON.stringify({ type: "page_viewed", customerId: "c1" }));
    if (lines.length % 7_001 === 0) lines.push(lines[lines.length - 3_000]);
    if (lines.length % 13_007 === 0) lines.push("");
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");

  // What an import must make of it, row by row.
  const keys: string[] = [];
  const seen = new Set<string>();
  const rejectedLines: number[] = [];
  let rows = 0;
  let duplicates = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    rows += 1;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      rejectedLines.push(index + 1);
      continue;
    }
    const result = validateEvent(raw);
    if (!result.ok) {
      rejectedLines.push(index + 1);
      continue;
    }
    const key = eventKey(result.event);
    if (seen.has(key)) duplicates += 1;
    else {
      seen.add(key);
      keys.push(key);
    }
  }
  return { file, rows, keys, duplicates, rejectedLines };
}

interface CliRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm run import -- --workspace <slug> <file>`, as one node process (so a kill reaches the importer itself). */
function runCli(slug: string, file: string, env: Record<string, string>): CliRun {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    RESONANS_IMPORT_CHUNK_ROWS: String(CHUNK_ROWS),
  };
  for (const name of ["DATABASE_URL", "RESONANS_DATA_DIR", "NODE_OPTIONS", "NODE_ENV"]) {
    if (!(name in env)) delete childEnv[name];
  }
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/import.ts", "--workspace", slug, file],
    { cwd: ROOT, env: childEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, output: () => output, exited };
}

/** The database the child works on, opened by the test while no child runs. */
interface ChildDatabase {
  env: Record<string, string>;
  /** Runs work on the child's database (on PGlite: opens it, and closes it after). */
  use<T>(work: (database: Database) => Promise<T>): Promise<T>;
  /** Rows the child has committed so far, while it runs; null where that cannot be seen. */
  rowsDoneWhileRunning(workspaceId: number): Promise<number | null>;
}

async function childDatabase(): Promise<ChildDatabase> {
  if (inject("databaseKind") === "postgres") {
    const [{ name }] = await db.current.sql.query<{ name: string }>("SELECT current_database() AS name");
    const url = new URL(inject("postgresAdminUrl"));
    url.pathname = `/${name}`;
    assertLocalDatabaseUrl(url.toString());
    const prisma = db.current.prisma;
    return {
      env: { DATABASE_URL: url.toString() },
      use: (work) => work(db.current),
      async rowsDoneWhileRunning(workspaceId) {
        const batch = await prisma.importBatch.findFirst({ where: { workspaceId } });
        return batch?.rowsDone ?? 0;
      },
    };
  }
  const dataDir = path.join(tmp.path, "pglite");
  const setup = await openDatabase({ kind: "pglite", dataDir });
  await applyMigrations(setup.sql);
  await setup.close();
  return {
    env: { RESONANS_DATA_DIR: dataDir },
    async use(work) {
      const disk: Database = await openDatabase({ kind: "pglite", dataDir });
      try {
        return await work(disk);
      } finally {
        await disk.close();
      }
    },
    rowsDoneWhileRunning: async () => null,
  };
}

/** Waits until the running child has committed at least one chunk, then kills it with SIGKILL. */
async function killMidway(run: CliRun, child: ChildDatabase, workspaceId: number): Promise<void> {
  let exited = false;
  void run.exited.then(() => (exited = true));
  const started = Date.now();
  for (;;) {
    if (exited) {
      throw new Error(
        `The import ended before it could be killed (after ${Date.now() - started} ms); make the file bigger.\n${run.output()}`,
      );
    }
    // PostgreSQL: the committed checkpoint itself. PGlite (no second process): the progress
    // line the CLI prints every 2 s once rows are done.
    const rowsDone = await child.rowsDoneWhileRunning(workspaceId);
    const printed = [...run.output().matchAll(/([\d,]+) rows \|/g)].map((match) =>
      Number(match[1].replace(/,/g, "")),
    );
    if ((rowsDone ?? 0) > 0 || printed.some((rows) => rows > 0)) break;
    if (Date.now() - started > 90_000) throw new Error(`No progress after 90 s.\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(run.child.kill("SIGKILL")).toBe(true);
  expect(await run.exited).toEqual({ code: null, signal: "SIGKILL" });
}

test("an import killed with SIGKILL mid-way resumes when the same command runs again, and stores every event exactly once", async () => {
  const fixture = writeEventsFile(path.join(tmp.path, "events.ndjson"));
  expect(fixture.rejectedLines.length).toBeGreaterThanOrEqual(10);
  expect(fixture.duplicates).toBeGreaterThanOrEqual(5);

  const child = await childDatabase();
  const slug = `kill-${randomBytes(4).toString("hex")}`;
  const { workspaceId, cleanWorkspaceId } = await child.use(async ({ prisma }) => ({
    workspaceId: (await prisma.workspace.create({ data: { name: "Killed", slug } })).id,
    cleanWorkspaceId: (await prisma.workspace.create({ data: { name: "Clean", slug: `${slug}-clean` } })).id,
  }));

  const first = runCli(slug, fixture.file, child.env);
  await killMidway(first, child, workspaceId);
  expect(first.output()).toContain(`Importing events.ndjson into Killed as import #`);

  const killed = await child.use(({ prisma }) =>
    prisma.importBatch.findFirstOrThrow({ where: { workspaceId } }),
  );
  expect(killed.status, "killed while running").toBe("running");
  expect(killed.rowsDone, "killed after its first chunk").toBeGreaterThan(0);
  expect(killed.rowsDone, "killed before its last chunk").toBeLessThan(fixture.rows);
  expect(killed.leaseOwner).toContain(`/${first.child.pid}/`);

  const second = runCli(slug, fixture.file, child.env);
  const ended = await second.exited;
  expect(ended, second.output()).toEqual({ code: 0, signal: null });
  expect(second.output()).toContain(
    `Resuming import #${killed.id} of events.ndjson after line ${killed.linesDone.toLocaleString("en")}.`,
  );
  expect(second.output()).toMatch(
    new RegExp(`Import #${killed.id} completed: ${fixture.rows.toLocaleString("en")} rows`),
  );

  await child.use(async (database) => {
    const { prisma } = database;
    const batch: ImportBatch = await prisma.importBatch.findFirstOrThrow({ where: { workspaceId } });
    expect(batch.id).toBe(killed.id);
    expect(counters(batch)).toEqual({
      status: "completed",
      rowsDone: fixture.rows,
      accepted: fixture.keys.length,
      duplicates: fixture.duplicates,
      rejected: fixture.rejectedLines.length,
    });
    expect(batch.accepted + batch.duplicates + batch.rejected).toBe(batch.rowsDone);
    expect((await rowErrors(prisma, batch)).map((row) => row.line)).toEqual(fixture.rejectedLines);

    const stored = await prisma.event.findMany({ where: { workspaceId }, select: { eventKey: true } });
    expect(stored.length).toBe(fixture.keys.length);
    expect(new Set(stored.map((event) => event.eventKey))).toEqual(new Set(fixture.keys));

    // An uninterrupted import of the same file, in one process, gives the same events and state.
    const clean = await importFile(database, cleanWorkspaceId, fixture.file, NDJSON);
    expect(counters(clean.batch)).toEqual(counters(batch));
    expect(await storedEvents(prisma, workspaceId)).toEqual(await storedEvents(prisma, cleanWorkspaceId));
    expect(await derivedState(prisma, workspaceId)).toEqual(await derivedState(prisma, cleanWorkspaceId));
  });
}, 240_000);
