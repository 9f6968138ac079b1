import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Keeps planner statistics current where nothing else does. PostgreSQL's autovacuum analyses
 * tables as they grow; embedded PGlite runs no autovacuum, and without statistics its planner
 * picks plans that scan a whole workspace per event (topic inheritance, metrics). So, when no
 * autovacuum is running, ingestion runs ANALYZE once the events stored since the last one
 * exceed 1,000 plus 20 % of the table (autovacuum's own rule, with a higher floor).
 */
const TABLES = Prisma.raw(`"Event", "Customer", "Message", "CustomerConsent", "CustomerPreference"`);
const MIN_EVENTS = 1_000;
const GROWTH = 0.2;

interface Upkeep {
  /** Whether an autovacuum launcher serves this database. */
  autovacuum: Promise<boolean>;
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
    // If the check fails, assume autovacuum: the batch is committed, upkeep must never fail it.
    const autovacuum = hasAutovacuum(prisma).catch(() => true);
    state = { autovacuum, knownRows: 0, storedSince: 0, running: null };
    upkeep.set(prisma, state);
  }
  state.storedSince += count;
  if (await state.autovacuum) return;
  if (state.running || state.storedSince < MIN_EVENTS + GROWTH * state.knownRows) return;
  state.storedSince = 0;
  const current = state;
  current.running = analyse(prisma)
    .then((rows) => void (current.knownRows = rows))
    .catch((error: unknown) => console.error("[ingest] ANALYZE failed", error))
    .finally(() => void (current.running = null));
  await current.running;
}

async function hasAutovacuum(prisma: PrismaClient): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ running: boolean }[]>(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'autovacuum launcher') AS running`);
  return row.running;
}

async function analyse(prisma: PrismaClient): Promise<number> {
  await prisma.$executeRaw(Prisma.sql`ANALYZE ${TABLES}`);
  const [row] = await prisma.$queryRaw<{ rows: number }[]>(Prisma.sql`
    SELECT CAST(GREATEST(reltuples, 0) AS float8) AS rows FROM pg_class WHERE oid = CAST('"Event"' AS regclass)`);
  return row.rows;
}
