// npm run bench:load [-- --duration 60 --connections 20 --batch 100]
//
// Load test on loopback: starts the production server on a free port of 127.0.0.1 over a
// fresh embedded database (a temp data dir, seeded with the demo workspace), then runs
// `--duration` seconds of mixed traffic from `--connections` concurrent clients: ingestion
// batches of `--batch` new events (POST /api/v1/events) and dashboard reads (GET
// /api/v1/metrics/<name>), all with the demo API key. Prints count, p50, p95, p99 and the
// statuses per request kind; then stops the server and counts the stored events. Exits
// non-zero on any 5xx, any unanswered request, or an acknowledged event that is not stored.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import autocannon from "autocannon";

import { openDatabase } from "@/lib/server/db/connection";

import { DEMO_API_KEY } from "../../prisma/seed/demo-workspace";

import { freeLoopbackPort, startProductionServer, stopServer } from "./production-server";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "20" },
    batch: { type: "string", default: "100" },
  },
});
const DURATION_S = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const BATCH = Number(values.batch);
const RUN = `load-${Date.now().toString(36)}`;

/** The request kinds and their share of the connections (ingestion gets the rest). */
const READS = [
  { kind: "GET overview", path: "/api/v1/metrics/overview" },
  { kind: "GET frequency", path: "/api/v1/metrics/frequency" },
  { kind: "GET relevance", path: "/api/v1/metrics/relevance" },
  { kind: "GET loyalty", path: "/api/v1/metrics/loyalty" },
  {
    kind: "GET segment-size",
    path: `/api/v1/metrics/segment-size?segment=${encodeURIComponent(
      JSON.stringify({
        and: [
          { field: "contacted", op: "is", value: true },
          { not: { field: "consent", channel: "email", op: "is", value: "optedOut" } },
        ],
      }),
    )}`,
  },
] as const;
const READ_CONNECTIONS = Math.max(READS.length, Math.round(CONNECTIONS * 0.75));
const INGEST_CONNECTIONS = Math.max(1, CONNECTIONS - READ_CONNECTIONS);

interface KindStats {
  kind: string;
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
  timeouts: number;
}

const stats = (kind: string): KindStats => ({
  kind,
  latencies: [],
  statuses: new Map(),
  errors: 0,
  timeouts: 0,
});

/** Events of batch `n`: fresh ids the run can find again, customers from a pool of 1,000. */
function batchBody(n: number): string {
  const now = Date.now();
  const events = Array.from({ length: BATCH }, (_, i) => ({
    id: `${RUN}-${n}-${i}`,
    type: "page_viewed",
    customerId: `load-customer-${(n * BATCH + i) % 1000}`,
    timestamp: new Date(now - ((n * 7919 + i * 104729) % (30 * 86_400_000))).toISOString(),
    channel: "web",
    properties: { path: `/products/${i % 50}` },
  }));
  return JSON.stringify({ events });
}

/** Acknowledged batches: number → events the server said it accepted. */
const acknowledged = new Map<number, number>();
let batchesSent = 0;

function run(
  url: string,
  connections: number,
  target: KindStats,
  request: autocannon.Request,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: DURATION_S,
        timeout: 30,
        headers: { authorization: `Bearer ${DEMO_API_KEY}`, "content-type": "application/json" },
        requests: [request],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      target.latencies.push(responseTime);
      target.statuses.set(status, (target.statuses.get(status) ?? 0) + 1);
    });
    instance.on("reqError", () => (target.errors += 1));
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function report(all: KindStats[]): void {
  const ms = (value: number) => (Number.isNaN(value) ? "–" : `${Math.round(value)} ms`);
  console.log(
    `\n${"request".padEnd(18)} ${"count".padStart(7)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)}   statuses`,
  );
  for (const { kind, latencies, statuses, errors, timeouts } of all) {
    const sorted = [...latencies].sort((a, b) => a - b);
    const codes = [...statuses].map(([status, count]) => `${status}×${count}`).join(" ");
    const failures = errors + timeouts > 0 ? `  errors ${errors}, timeouts ${timeouts}` : "";
    console.log(
      `${kind.padEnd(18)} ${String(sorted.length).padStart(7)} ${ms(quantile(sorted, 0.5)).padStart(8)} ${ms(quantile(sorted, 0.95)).padStart(8)} ${ms(quantile(sorted, 0.99)).padStart(8)}   ${codes}${failures}`,
    );
  }
}

/** Stored events of this run per batch, read from the database after the server stopped. */
async function storedPerBatch(dataDir: string): Promise<Map<number, number>> {
  const db = await openDatabase({ kind: "pglite", dataDir });
  try {
    const rows = await db.sql.query<{ batch: string; events: number }>(
      `SELECT split_part(substr("eventKey", $2), '-', 1) AS batch, COUNT(*)::int AS events
         FROM "Event" WHERE "eventKey" LIKE $1 GROUP BY 1`,
      [`${RUN}-%`, RUN.length + 2],
    );
    return new Map(rows.map((row) => [Number(row.batch), row.events]));
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "resonans-load-"));
  const port = await freeLoopbackPort();
  console.log(`Load test: ${DURATION_S} s, ${CONNECTIONS} connections, embedded database in ${dataDir}`);
  const started = await startProductionServer(
    port,
    {
      DATABASE_URL: "",
      RESONANS_DATA_DIR: path.join(dataDir, "pglite"),
      AUTH_SECRET: "load-test-only-secret-not-for-production-0123456789",
      // Measure the server, not the per-key rate limit (tested in tests/ingest).
      RESONANS_INGEST_RATE_LIMIT: "100000",
      RESONANS_INGEST_RATE_BURST: "100000",
    },
    "127.0.0.1",
  );
  const ingest = stats("POST events");
  const reads = READS.map(({ kind }) => stats(kind));
  let failed = false;
  try {
    const results = await Promise.all([
      run(started.url, INGEST_CONNECTIONS, ingest, {
        method: "POST",
        path: "/api/v1/events",
        setupRequest: (request, context) => {
          const n = batchesSent++;
          (context as { batch?: number }).batch = n;
          return { ...request, body: batchBody(n) };
        },
        onResponse: (status, body, context) => {
          if (status !== 200) return;
          const n = (context as { batch: number }).batch;
          acknowledged.set(n, (JSON.parse(body) as { accepted: number }).accepted);
        },
      }),
      ...READS.map((read, index) =>
        run(
          started.url,
          Math.floor(READ_CONNECTIONS / READS.length) + (index < READ_CONNECTIONS % READS.length ? 1 : 0),
          reads[index],
          { method: "GET", path: read.path },
        ),
      ),
    ]);
    const all = [ingest, ...reads];
    results.forEach((result, index) => (all[index].timeouts = result.timeouts));
    report(all);
    for (const { kind, latencies } of all) {
      if (latencies.length === 0)
        console.log(`note: no ${kind} answered within the run; give it more --duration`);
    }
    for (const { kind, statuses, errors, timeouts } of all) {
      const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((s, [, c]) => s + c, 0);
      if (serverErrors + errors + timeouts > 0) {
        console.error(`FAIL ${kind}: ${serverErrors} 5xx, ${errors} errors, ${timeouts} timeouts`);
        failed = true;
      }
    }
  } finally {
    await stopServer(started.server);
  }

  const stored = await storedPerBatch(path.join(dataDir, "pglite"));
  const accepted = [...acknowledged.values()].reduce((sum, count) => sum + count, 0);
  const storedAcknowledged = [...acknowledged.keys()].reduce((sum, n) => sum + (stored.get(n) ?? 0), 0);
  const inFlight = [...stored]
    .filter(([n]) => !acknowledged.has(n))
    .reduce((sum, [, count]) => sum + count, 0);
  console.log(
    `\nEvents: ${accepted} acknowledged as accepted in ${acknowledged.size} batches of ${batchesSent} sent; ` +
      `${storedAcknowledged} of them stored` +
      (inFlight > 0 ? ` (and ${inFlight} of batches still in flight when the run ended)` : ""),
  );
  if (storedAcknowledged !== accepted || accepted !== acknowledged.size * BATCH) {
    console.error("FAIL: acknowledged events are missing from the database");
    failed = true;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (failed) process.exit(1);
  console.log("\nOK: no 5xx, every request answered, every acknowledged event stored.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
