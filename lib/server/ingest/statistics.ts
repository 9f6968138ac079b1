import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Keeps planner statistics current while events pour in. Embedded PGlite runs no autovacuum,
 * and PostgreSQL's looks only once a minute: a bulk import grows the events table tenfold in
 * that time, and with statistics of a smaller table the planner picks plans that scan a whole
 * workspace per event (topic inheritance, metrics). So ingestion runs ANALYZE once the events
 * it stored since the last one exceed 1,000 plus the table's size as last analysed: whenever
 * the table has doubled. Plans do not change with less; ANALYZE samples at most 30,000 rows
 * per table, and doubling keeps its runs to a few per order of magnitude.
 */
const TABLES = Prisma.raw(`"Event", "Customer", "Message", "CustomerConsent", "CustomerPreference"`);
const MIN_EVENTS = 1_000;
const GROWTH = 1;

interface Upkeep {
  /** Rows of Event as the planner last saw them (pg_class.reltuples). */
  knownRows: number;
  storedSince: number;
  running: Promise<void> | null;
}

const upkeep = new WeakMap<PrismaClient, Upkeep>();

/** Records newly stored events and analyses the tables when they have grown enough. */
export async function noteEventsStored(prisma: PrismaClient, count: number): Promise<void> {
  let state = upkeep.get(prisma);
  if (!state) {
    state = { knownRows: 0, storedSince: 0, running: null };
    upkeep.set(prisma, state);
  }
  state.storedSince += count;
  if (state.running || state.storedSince < MIN_EVENTS + GROWTH * state.knownRows) return;
  state.storedSince = 0;
  const current = state;
  current.running = analyse(prisma)
    .then((rows) => void (current.knownRows = rows))
    // The events are committed: upkeep must never fail the ingestion that triggered it.
    .catch((error: unknown) => console.error("[ingest] ANALYZE failed", error))
    .finally(() => void (current.running = null));
  await current.running;
}

/** Waits for an ANALYZE that ingestion started in the background, if any (tests, shutdown). */
export async function statisticsSettled(prisma: PrismaClient): Promise<void> {
  await upkeep.get(prisma)?.running;
}

async function analyse(prisma: PrismaClient): Promise<number> {
  await prisma.$executeRaw(Prisma.sql`ANALYZE ${TABLES}`);
  const [row] = await prisma.$queryRaw<{ rows: number }[]>(Prisma.sql`
    SELECT CAST(GREATEST(reltuples, 0) AS float8) AS rows FROM pg_class WHERE oid = CAST('"Event"' AS regclass)`);
  return row.rows;
}
