// npm run bench:ingest [-- --db pg|pglite|both --file-events N --http-events N]
// Ingestion throughput, printed (not a test): HTTP with 4 clients sending 1,000-event batches,
// file import of N events, and as the ceiling a plain COPY of the same rows into a bare table.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { createApiKey } from "@/lib/server/admin/api-keys";
import type { DatabaseTarget } from "@/lib/server/db/config";
import { openDatabase, type Database } from "@/lib/server/db/connection";
import { copyRow, textArrayLiteral } from "@/lib/server/db/copy-text";
import { applyMigrations } from "@/lib/server/db/migrate";
import { createImport } from "@/lib/server/import/create-import";
import { claimBatch } from "@/lib/server/import/import-lease";
import { importPace } from "@/lib/server/import/import-runner";
import { runImport } from "@/lib/server/import/run-import";

import { startCluster } from "../lib/postgres-cluster";

import { describeMachineSpeed, machineSpeed } from "./machine-speed";
import { RECOMMENDED_SERVER_SETTINGS } from "./server-settings";
import { csvLine, CSV_HEADER, syntheticEvents, type SyntheticEvent } from "./synthetic-events";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    "file-events": { type: "string", default: "1000000" },
    "http-events": { type: "string", default: "200000" },
    port: { type: "string", default: "3210" },
  },
});
const FILE_EVENTS = Number(values["file-events"]);
const HTTP_EVENTS = Number(values["http-events"]);
const CLIENTS = 4;
const BATCH = 1_000;
const PORT = Number(values.port);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "resonans-bench-"));

const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));
const fmt = (n: number) => n.toLocaleString("en");

interface Figures {
  database: string;
  httpRate: number;
  fileRate: number;
  copyRate: number;
  fileSeconds: number;
}

async function prepare(target: DatabaseTarget): Promise<{ apiKey: string; workspaces: number[] }> {
  const db = await openDatabase(target);
  try {
    await applyMigrations(db.sql);
    const workspaces: number[] = [];
    for (const slug of ["bench-http", "bench-file"]) {
      const ws = await db.prisma.workspace.create({ data: { slug, name: slug, timeZone: "Europe/Oslo", currency: "NOK" } });
      workspaces.push(ws.id);
    }
    const { key } = await createApiKey(db.prisma, workspaces[0], { name: "bench", scopes: ["ingest"] });
    return { apiKey: key, workspaces };
  } finally {
    await db.close();
  }
}

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn("node", ["scripts/start.mjs"], {
    env: { ...process.env, ...env, PORT: String(PORT), AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      RESONANS_INGEST_RATE_LIMIT: "100000", RESONANS_INGEST_RATE_BURST: "100000" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let tries = 0; tries < 600; tries++) {
    const up = await fetch(`http://127.0.0.1:${PORT}/sign-in`).then((r) => r.ok).catch(() => false);
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start in 5 minutes.");
}

async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid!, "SIGTERM");
  await exited;
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

/** Starts the production server on the database, runs the HTTP benchmark, stops it (skipped with --http-events 0). */
async function httpPhase(apiKey: string, env: Record<string, string>): Promise<number> {
  if (HTTP_EVENTS === 0) return 0;
  const server = await startServer(env);
  try {
    const httpRate = await benchHttp(apiKey);
    console.log(`  HTTP, ${CLIENTS} clients × ${fmt(BATCH)}-event batches: ${fmt(httpRate)} events/s`);
    return httpRate;
  } finally {
    await stopServer(server);
  }
}

/** 4 clients, each posting its share of the events in 1,000-event JSON batches, back to back. */
async function benchHttp(apiKey: string): Promise<number> {
  const events = [...syntheticEvents(HTTP_EVENTS, 50_000, 11, "http")];
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += BATCH) bodies.push(JSON.stringify({ events: events.slice(i, i + BATCH) }));
  // Warm up the route (compilation of the handler, first connection).
  await post(apiKey, JSON.stringify({ events: [...syntheticEvents(10, 10, 1, "warm")] }));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < bodies.length) await post(apiKey, bodies[next++]);
    }),
  );
  return rate(events.length, performance.now() - started);
}

async function post(apiKey: string, body: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body,
  });
  const result = (await response.json()) as { accepted?: number; rejected?: unknown[] };
  if (!response.ok || (result.rejected?.length ?? 0) > 0) throw new Error(`HTTP ${response.status}: ${JSON.stringify(result).slice(0, 300)}`);
}

function writeEventFile(): string {
  const file = path.join(work, `events-${FILE_EVENTS}.csv`);
  if (fs.existsSync(file)) return file;
  const out = fs.openSync(file, "w");
  let lines: string[] = [CSV_HEADER];
  for (const event of syntheticEvents(FILE_EVENTS, 50_000, 7, "file")) {
    lines.push(csvLine(event));
    if (lines.length >= 10_000) {
      fs.writeSync(out, lines.join("\n") + "\n");
      lines = [];
    }
  }
  if (lines.length > 0) fs.writeSync(out, lines.join("\n") + "\n");
  fs.closeSync(out);
  return file;
}

async function benchFile(target: DatabaseTarget, workspaceId: number, file: string): Promise<{ rate: number; seconds: number }> {
  const db: Database = await openDatabase(target);
  try {
    const batch = await createImport(db.prisma, {
      workspaceId,
      fileName: path.basename(file),
      filePath: file,
      options: { format: "csv", delimiter: ";", decimal: "comma" },
    });
    await claimBatch(db.prisma, batch);
    const started = performance.now();
    let shown = 0;
    const outcome = await runImport(
      db,
      batch,
      (progress) => {
      if (performance.now() - shown > 10_000) {
        shown = performance.now();
        console.log(`    ${fmt(progress.rowsDone)} rows, ${fmt(rate(progress.rowsDone, performance.now() - started))} rows/s`);
      }
      },
      importPace(db),
    );
    const ms = performance.now() - started;
    const final = await db.prisma.importBatch.findFirstOrThrow({ where: { id: batch.id } });
    if (outcome !== "completed" || final.accepted !== FILE_EVENTS) {
      throw new Error(`The import ended ${outcome} with ${final.accepted} of ${FILE_EVENTS} accepted: ${final.error}`);
    }
    return { rate: rate(FILE_EVENTS, ms), seconds: ms / 1000 };
  } finally {
    await db.close();
  }
}

const BARE_TABLE = `CREATE TABLE bare_events ("workspaceId" integer, "eventKey" text, "type" text, "customerId" text,
  "ts" timestamptz, "channel" text, "messageId" text, "campaignId" text, "messageKind" text, "topic" text,
  "topics" text[], "maxPerWeek" float8, "value" numeric, "currency" text, "traits" jsonb, "properties" jsonb)`;

/** The same events as the rows ingestion stores, in COPY's text format. */
function copyText(): string {
  const value = (v: unknown) => (v === undefined || v === null ? null : (v as string | number));
  let text = "";
  for (const e of syntheticEvents(FILE_EVENTS, 50_000, 7, "copy") as Generator<SyntheticEvent & Record<string, never>>) {
    text += copyRow([1, e.id, e.type, e.customerId, e.timestamp, value(e.channel), value(e.messageId),
      value(e.campaignId), e.type === "message_sent" ? "promotional" : null, value(e.topic),
      textArrayLiteral((e.topics as string[] | undefined) ?? []), value(e.maxPerWeek), value(e.value), value(e.currency),
      e.traits ? JSON.stringify(e.traits) : null, e.properties ? JSON.stringify(e.properties) : null]);
  }
  return text;
}

/** Runs `run` with a connection of its own to the server at `url`, closed afterwards. */
async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function copyCeilingPostgres(url: string, text: string): Promise<number> {
  if (FILE_EVENTS === 0) return 0; // --file-events 0: HTTP only
  return withClient(url, async (client) => {
    await client.query(BARE_TABLE);
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const stream = client.query(copyFrom(`COPY bare_events FROM STDIN`));
      stream.on("finish", resolve).on("error", reject);
      stream.end(text);
    });
    return rate(FILE_EVENTS, performance.now() - started);
  });
}

async function copyCeilingPglite(text: string): Promise<number> {
  if (FILE_EVENTS === 0) return 0;
  const client = new PGlite(path.join(work, "pglite-copy"));
  try {
    await client.exec(BARE_TABLE);
    const blob = new Blob([text]);
    const started = performance.now();
    await client.query(`COPY bare_events FROM '/dev/blob'`, [], { blob });
    return rate(FILE_EVENTS, performance.now() - started);
  } finally {
    await client.close();
  }
}

async function benchPostgres(file: string, text: string): Promise<Figures> {
  console.log("PostgreSQL 15 (a fresh cluster with the README's recommended settings):");
  const cluster = await startCluster({ settings: RECOMMENDED_SERVER_SETTINGS });
  try {
    const target: DatabaseTarget = { kind: "postgres", url: cluster.url };
    console.log(`  ${describeMachineSpeed(await withClient(cluster.url, (client) => machineSpeed((sql) => client.query(sql))), "PostgreSQL")}`);
    const { apiKey, workspaces } = await prepare(target);
    const httpRate = await httpPhase(apiKey, { DATABASE_URL: cluster.url });
    const file_ = await benchFile(target, workspaces[1], file);
    console.log(`  file import, ${fmt(FILE_EVENTS)} events: ${fmt(file_.rate)} events/s (${file_.seconds.toFixed(1)} s)`);
    const copyRate = await copyCeilingPostgres(cluster.url, text);
    console.log(`  plain COPY into a bare table: ${fmt(copyRate)} rows/s`);
    return { database: "PostgreSQL", httpRate, fileRate: file_.rate, copyRate, fileSeconds: file_.seconds };
  } finally {
    cluster.stop();
  }
}

async function benchPglite(file: string, text: string): Promise<Figures> {
  console.log("Embedded PGlite (on disk):");
  console.log(`  ${describeMachineSpeed(await machineSpeed())}`);
  const dataDir = path.join(work, "pglite");
  const target: DatabaseTarget = { kind: "pglite", dataDir };
  const { apiKey, workspaces } = await prepare(target);
  const httpRate = await httpPhase(apiKey, { RESONANS_DATA_DIR: dataDir, DATABASE_URL: "" });
  const file_ = await benchFile(target, workspaces[1], file);
  console.log(`  file import, ${fmt(FILE_EVENTS)} events: ${fmt(file_.rate)} events/s (${file_.seconds.toFixed(1)} s)`);
  const copyRate = await copyCeilingPglite(text);
  console.log(`  plain COPY into a bare table: ${fmt(copyRate)} rows/s`);
  return { database: "PGlite", httpRate, fileRate: file_.rate, copyRate, fileSeconds: file_.seconds };
}

async function main() {
  console.log(`Ingestion benchmark on ${os.cpus().length} cores, Node ${process.version}; working in ${work}`);
  const file = writeEventFile();
  console.log(`Event file: ${fmt(FILE_EVENTS)} events, ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB CSV (";", decimal comma)\n`);
  const text = copyText();
  const results: Figures[] = [];
  if (values.db === "pg" || values.db === "both") results.push(await benchPostgres(file, text));
  if (values.db === "pglite" || values.db === "both") results.push(await benchPglite(file, text));
  console.log("\n| database | HTTP events/s | file import events/s | plain COPY rows/s | import ÷ COPY |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(`| ${r.database} | ${fmt(r.httpRate)} | ${fmt(r.fileRate)} | ${fmt(r.copyRate)} | ${r.copyRate ? `${(r.fileRate / r.copyRate * 100).toFixed(1)} %` : "—"} |`);
  }
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
