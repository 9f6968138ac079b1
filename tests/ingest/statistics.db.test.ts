import { expect, test } from "vitest";

import { ingestEvents } from "@/lib/server/ingest/ingest-events";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

import { pageView } from "./event-fixtures";

// Its own file: the upkeep counts events per database client, from the first batch on.
const db = setupTestDatabase();

async function analysed(): Promise<boolean> {
  const [row] = await db.current.sql.query<{ analysed: boolean }>(
    `SELECT last_analyze IS NOT NULL AS analysed FROM pg_stat_user_tables WHERE relname = 'Event'`,
  );
  return row.analysed;
}

test("ingestion analyses the tables after the first 1,000 events, without waiting for autovacuum", async () => {
  const workspaceId = await createWorkspace(db.current.prisma);
  const at = "2026-03-02T10:00:00Z";
  await ingestEvents(
    db.current.prisma,
    workspaceId,
    Array.from({ length: 999 }, (_, i) => pageView(`c${i}`, at)),
  );
  expect(await analysed()).toBe(false);
  await ingestEvents(db.current.prisma, workspaceId, [pageView("c-last", at)]);
  expect(await analysed()).toBe(true);
});
