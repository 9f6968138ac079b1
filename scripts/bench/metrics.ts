// npm run bench:metrics [-- --db pg|pglite|both --customers N --runs N --fresh --only a,b --url U]
//
// Times every metric of the read API on the scaled-up demo data: PostgreSQL with 200,000
// customers (about 10 million events, 12 months) and embedded PGlite at demo size (20,000).
// Each metric runs once to warm up, then `--runs` times (default 10); the median and the p95
// are printed with the target. Then 10,000 new events arrive in ten batches of 1,000 and the
// contact-fact refresh for them is timed, three times over (other customers each time). The
// PostgreSQL data is kept in .data/bench-metrics between runs (loading it takes minutes);
// --fresh loads it again. --only times just the named metrics (labels or names,
// comma-separated), and the refresh only when "refresh" is among them; --url uses a running
// PostgreSQL server instead of starting the kept cluster. Not a test: it prints.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import type { Workspace } from "@/lib/generated/prisma/client";
import { warmLoyaltyPage } from "@/lib/server/dashboard/loyalty-warmup";
import { type Database, openDatabase } from "@/lib/server/db/connection";
import { applyMigrations } from "@/lib/server/db/migrate";
import { type EventsAdded, onEventsAdded } from "@/lib/server/ingest/events-added";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { METRICS } from "@/lib/server/metrics/api/metric-registry";
import { runMetric } from "@/lib/server/metrics/api/run-metric";
import { recordDataChange } from "@/lib/server/metrics/cache/data-version";
import { mergeScopes } from "@/lib/server/metrics/facts/contact-fact-refresher";
import {
  refreshContactFacts,
  scopeAfterEvents,
  type ContactFactScope,
} from "@/lib/server/metrics/facts/refresh-contact-facts";
import { DEMO_DATA_END, seedDemoData } from "@/prisma/seed/demo-data";

import { startCluster } from "../lib/postgres-cluster";

import { describeMachineSpeed, machineSpeed } from "./machine-speed";
import { BENCH_QUERIES, targetFor } from "./metric-queries";
import { RECOMMENDED_SERVER_SETTINGS } from "./server-settings";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    customers: { type: "string" },
    runs: { type: "string", default: "10" },
    fresh: { type: "boolean", default: false },
    only: { type: "string" },
    url: { type: "string" },
  },
});
const RUNS = Number(values.runs);
const ONLY = values.only ? new Set(values.only.split(",").map((name) => name.trim())) : null;
const KEEP_DIR = path.resolve(".data/bench-metrics");

const fmtMs = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

interface Row {
  database: string;
  metric: string;
  window: string;
  median: number;
  p95: number;
  /** null: no target (a figure reported alongside). */
  target: number | null;
}

async function prepareWorkspace(db: Database, customers: number, fresh: boolean): Promise<Workspace> {
  await applyMigrations(db.sql);
  const slug = `bench-${customers}`;
  const existing = await db.prisma.workspace.findUnique({ where: { slug } });
  const facts = existing && (await db.prisma.contactFact.count({ where: { workspaceId: existing.id } }));
  if (existing && !fresh && facts) {
    console.log(`  reusing ${slug}: ${facts.toLocaleString("en")} contacts already derived`);
    return existing;
  }
  if (existing) await db.prisma.workspace.delete({ where: { id: existing.id } });
  const workspace = await db.prisma.workspace.create({
    data: { name: `Bench ${customers}`, slug, timeZone: "Europe/Copenhagen", currency: "DKK" },
  });
  const started = performance.now();
  let factsStarted = 0;
  const seeded = await seedDemoData(db, workspace.id, {
    customers,
    onProgress: (_done, _total, label) => {
      if (label === "contact facts" && !factsStarted) factsStarted = performance.now();
    },
  });
  const total = (performance.now() - started) / 1000;
  const factSeconds = (performance.now() - factsStarted) / 1000;
  console.log(
    `  loaded ${seeded.events.toLocaleString("en")} events of ${customers.toLocaleString("en")} customers in ${total.toFixed(0)} s ` +
      `(of which the full contact-fact refresh: ${factSeconds.toFixed(0)} s)`,
  );
  if (db.target.kind === "postgres") await storeInArrivalOrder(db);
  return workspace;
}

/**
 * The generator writes customer by customer, so one day's events lie scattered over the whole
 * table; a live workspace receives them as they happen, and its table holds them in time order.
 * The events are rewritten once in that order (CLUSTER over a temporary time index), so reads
 * of a window touch the pages a live server would.
 */
async function storeInArrivalOrder(db: Database): Promise<void> {
  const started = performance.now();
  await db.sql.exec(`CREATE INDEX "bench_event_arrival" ON "Event" ("workspaceId", "ts")`);
  await db.sql.exec(`CLUSTER "Event" USING "bench_event_arrival"`);
  await db.sql.exec(`DROP INDEX "bench_event_arrival"`);
  await db.sql.exec(`VACUUM ANALYZE "Event"`);
  console.log(`  events stored in arrival order in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function timeMetrics(db: Database, workspace: Workspace, label: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const query of BENCH_QUERIES) {
    if (ONLY && !ONLY.has(query.label) && !ONLY.has(query.metric)) continue;
    const metric = METRICS[query.metric];
    const search = new URLSearchParams({ ...query.params, ...windowParams(query.days) });
    const access = { workspace, userId: null };
    // Storing no month's counts is a recorded change to all the data (the metric cache is off).
    const prepare = () => (query.nothingStored ? recordDataChange(db.prisma, workspace.id) : undefined);
    await prepare();
    await runMetric(db.prisma, metric, search, access);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await prepare();
      const started = performance.now();
      await runMetric(db.prisma, metric, search, access);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const row = {
      database: label,
      metric: query.label,
      window: `${query.days} d`,
      median: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      target: targetFor(query, label),
    };
    console.log(
      `  ${row.metric.padEnd(34)} ${row.window.padStart(6)}  median ${fmtMs(row.median).padStart(8)}  p95 ${fmtMs(row.p95).padStart(8)}  (target ${row.target} ms)`,
    );
    rows.push(row);
  }
  return rows;
}

/** The window of `days` days ending with the last day of the demo data (Europe/Copenhagen). */
function windowParams(days: number): Record<string, string> {
  const end = new Date(DEMO_DATA_END.getTime() - 1);
  const last = new Date(end.getTime() + 60 * 60 * 1000).toISOString().slice(0, 10);
  const first = new Date(Date.parse(`${last}T00:00:00Z`) - (days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { from: first, to: last };
}

/** Rounds of new events and their refresh: the first finds the database's buffers cold. */
const REFRESH_ROUNDS = 3;

/**
 * 10,000 new events in ten batches of 1,000 (sends, opens, clicks, views, purchases) for
 * 10,000 customers, then the refresh; each round has other customers and later times.
 */
async function timeRefresh(
  db: Database,
  workspace: Workspace,
  customers: number,
  round: number,
): Promise<number> {
  let scope: ContactFactScope | null = null;
  const stop = onEventsAdded((change: EventsAdded) => {
    const next = scopeAfterEvents(change);
    scope = scope ? mergeScopes(scope, next) : next;
  });
  try {
    const base = DEMO_DATA_END.getTime() - 6 * 3_600_000;
    for (let batch = 0; batch < 10; batch++) {
      const events = Array.from({ length: 1000 }, (_, i) => {
        const n = round * 10_000 + batch * 1000 + i;
        const customerId = `c-${String(1 + ((n * 7919) % customers)).padStart(6, "0")}`;
        const timestamp = new Date(base + n * 600).toISOString();
        const kind = n % 5;
        if (kind === 0 || kind === 1) {
          return {
            id: `bench-r-${Date.now()}-${n}`,
            type: "message_sent",
            customerId,
            timestamp,
            channel: "email",
            messageId: `bench-m-${n % 40}`,
            topic: "running",
          };
        }
        if (kind === 2)
          return {
            id: `bench-r-${Date.now()}-${n}`,
            type: "message_clicked",
            customerId,
            timestamp,
            channel: "email",
            messageId: `bench-m-${(n - 2) % 40}`,
          };
        if (kind === 3)
          return {
            id: `bench-r-${Date.now()}-${n}`,
            type: "product_viewed",
            customerId,
            timestamp,
            channel: "web",
            topic: "cycling",
          };
        return {
          id: `bench-r-${Date.now()}-${n}`,
          type: "purchased",
          customerId,
          timestamp,
          channel: "web",
          topics: ["running"],
          value: 499,
          currency: "DKK",
        };
      });
      const result = await ingestEvents(db.prisma, workspace.id, events);
      if (result.rejected.length > 0)
        throw new Error(`bench events rejected: ${JSON.stringify(result.rejected[0])}`);
    }
  } finally {
    stop();
  }
  if (!scope) throw new Error("no events-added announcement");
  const started = performance.now();
  await refreshContactFacts(db.prisma, scope);
  return performance.now() - started;
}

/**
 * Deletes the events the refresh rounds add (ids `bench-r-…`) and their contact facts, so that
 * kept data stays as loaded: left in, every run would add 30,000 more events to the same
 * customers' last hours, and both the 28-day metrics and the refresh would read more each run.
 * What the events changed in customers and messages is the same in every run, so it stays.
 */
async function removeRefreshEvents(db: Database, workspaceId: number): Promise<void> {
  await db.sql.exec(`
    DELETE FROM "ContactFact" f USING "Event" e
    WHERE f."workspaceId" = ${workspaceId} AND e."workspaceId" = ${workspaceId} AND e."id" = f."eventId"
      AND e."type" = 'message_sent' AND e."eventKey" LIKE 'bench-r-%';
    DELETE FROM "Event" e WHERE e."workspaceId" = ${workspaceId} AND e."eventKey" LIKE 'bench-r-%'`);
  await db.sql.exec(`VACUUM ANALYZE "Event"`);
  await db.sql.exec(`VACUUM ANALYZE "ContactFact"`);
}

/** Rounds of a change to all the data and the Loyalty page's recomputation after it. */
const WARMUP_ROUNDS = 3;

/**
 * How long the server's background recomputation of the Loyalty page (as it first opens) takes
 * after a change that deleted every stored month end (dashboard/loyalty-warmup.ts): the time
 * after which a visitor finds the trend as fast as in the "loyalty-trend" row.
 */
async function timeLoyaltyWarmup(db: Database, workspace: Workspace, label: string): Promise<Row> {
  const times: number[] = [];
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    await recordDataChange(db.prisma, workspace.id);
    const started = performance.now();
    const outcome = await warmLoyaltyPage(db.prisma, workspace.id, { quietMs: 0 });
    times.push(performance.now() - started);
    if (outcome !== "computed") throw new Error(`the Loyalty page's warm-up found "${outcome}"`);
  }
  console.log(
    `  Loyalty page recomputed after a change to all the data, ${WARMUP_ROUNDS} rounds: ${times.map(fmtMs).join(", ")}`,
  );
  times.sort((a, b) => a - b);
  return {
    database: label,
    metric: `Loyalty page recomputed in the background after a change (${WARMUP_ROUNDS} rounds)`,
    window: "365 d",
    median: quantile(times, 0.5),
    p95: times[times.length - 1],
    target: null,
  };
}

/**
 * Every metric, then (unless --only leaves them out) the Loyalty page's recomputation after a
 * change and the refresh after a 10,000-event batch.
 */
async function timeAll(db: Database, workspace: Workspace, customers: number, label: string): Promise<Row[]> {
  const rows = await timeMetrics(db, workspace, label);
  if (!ONLY || ONLY.has("warmup")) rows.push(await timeLoyaltyWarmup(db, workspace, label));
  if (ONLY && !ONLY.has("refresh")) return rows;
  const times: number[] = [];
  try {
    for (let round = 0; round < REFRESH_ROUNDS; round++)
      times.push(await timeRefresh(db, workspace, customers, round));
  } finally {
    await removeRefreshEvents(db, workspace.id);
  }
  console.log(
    `  contact-fact refresh after a 10,000-event batch, ${REFRESH_ROUNDS} rounds: ${times.map(fmtMs).join(", ")} (target 2000 ms)`,
  );
  times.sort((a, b) => a - b);
  const metric = `refresh after 10,000 events (${REFRESH_ROUNDS} rounds)`;
  const median = quantile(times, 0.5);
  return [
    ...rows,
    { database: label, metric, window: "—", median, p95: times[times.length - 1], target: 2000 },
  ];
}

async function startKeptCluster() {
  console.log(`PostgreSQL 15 (cluster kept in ${KEEP_DIR}):`);
  if (values.fresh) fs.rmSync(KEEP_DIR, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(KEEP_DIR), { recursive: true });
  return startCluster({ keepIn: KEEP_DIR, settings: RECOMMENDED_SERVER_SETTINGS });
}

async function benchPostgres(customers: number): Promise<Row[]> {
  const cluster = values.url ? null : await startKeptCluster();
  const url = values.url ?? cluster?.url;
  if (!url) throw new Error("no PostgreSQL server");
  const db = await openDatabase({ kind: "postgres", url });
  try {
    console.log(`  ${describeMachineSpeed(await machineSpeed((sql) => db.sql.query(sql)), "PostgreSQL")}`);
    const workspace = await prepareWorkspace(db, customers, values.fresh);
    await removeRefreshEvents(db, workspace.id); // left by a run stopped before its end
    return await timeAll(db, workspace, customers, "PostgreSQL");
  } finally {
    await db.close();
    cluster?.stop();
  }
}

async function benchPglite(customers: number): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resonans-bench-metrics-"));
  console.log(`Embedded PGlite (on disk, ${dir}):`);
  const db = await openDatabase({ kind: "pglite", dataDir: dir });
  try {
    console.log(`  ${describeMachineSpeed(await machineSpeed((sql) => db.sql.query(sql)), "PGlite")}`);
    const workspace = await prepareWorkspace(db, customers, true);
    return await timeAll(db, workspace, customers, "PGlite");
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(
    `Metrics benchmark on ${os.cpus().length} cores, Node ${process.version}; ${RUNS} runs after a warm-up\n`,
  );
  const rows: Row[] = [];
  const customers = values.customers ? Number(values.customers) : null;
  if (values.db === "pg" || values.db === "both") rows.push(...(await benchPostgres(customers ?? 200_000)));
  if (values.db === "pglite" || values.db === "both") rows.push(...(await benchPglite(customers ?? 20_000)));
  console.log("\n| database | metric | window | median | p95 | target | met |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | :-: |");
  for (const r of rows) {
    console.log(
      `| ${r.database} | ${r.metric} | ${r.window} | ${fmtMs(r.median)} | ${fmtMs(r.p95)} | ${r.target === null ? "—" : `${r.target} ms`} | ${r.target === null ? "—" : r.median <= r.target ? "yes" : "no"} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
