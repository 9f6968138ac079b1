import { createHash } from "node:crypto";

/**
 * A fixed amount of CPU work, timed and printed before a benchmark's figures. This machine
 * shares its host, and its speed differs from day to day (the same plain COPY has run at
 * 278,000 and at 665,000 rows/s): figures of different days compare only next to this
 * reference. Lower is faster; each part is the median of five runs after a warm-up.
 *
 * - Node: SHA-256 of 100,000 short strings and a JSON round trip of 20,000 event-like objects
 *   (the work of reading, validating and keying events);
 * - the database: a hash aggregate of 2 million rows into 100,000 groups (the shape of a
 *   per-customer metric).
 */
export interface MachineSpeed {
  nodeMs: number;
  databaseMs: number | null;
}

const RUNS = 5;
const DATABASE_WORK = `SELECT count(*) FROM (
  SELECT i % 100000 AS k, count(*) FROM generate_series(1, 2000000) AS i GROUP BY 1) AS g`;

async function median(run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

function nodeWork(): number {
  let digest = 0;
  for (let i = 0; i < 100_000; i++) {
    digest ^= createHash("sha256")
      .update(`customer-${i}|message_sent|${i * 7919}`)
      .digest()[0];
  }
  const events = Array.from({ length: 20_000 }, (_, i) => ({
    type: "message_opened",
    customerId: `c-${i}`,
    timestamp: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    channel: "email",
    messageId: `m-${i % 500}`,
    properties: { campaign: `spring-${i % 7}`, value: i / 3 },
  }));
  const copy = JSON.parse(JSON.stringify(events)) as typeof events;
  return digest + copy.length;
}

/** Times the reference work; `query` runs SQL on the benchmark's database (omitted: Node only). */
export async function machineSpeed(query?: (sql: string) => Promise<unknown>): Promise<MachineSpeed> {
  const nodeMs = await median(nodeWork);
  const databaseMs = query ? await median(() => query(DATABASE_WORK)) : null;
  return { nodeMs, databaseMs };
}

/** "machine reference: Node 256 ms, PostgreSQL 663 ms (fixed work, median of 5; lower is faster)". */
export function describeMachineSpeed(speed: MachineSpeed, database?: string): string {
  const parts = [`Node ${Math.round(speed.nodeMs)} ms`];
  if (speed.databaseMs !== null && database) parts.push(`${database} ${Math.round(speed.databaseMs)} ms`);
  return `machine reference: ${parts.join(", ")} (fixed work, median of ${RUNS}; lower is faster)`;
}
