import { expect, test } from "vitest";

import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { statisticsSettled } from "@/lib/server/ingest/statistics";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

import { pageView } from "./event-fixtures";

// Its own file: the upkeep counts events per database client, from the first batch on.
const db = setupTestDatabase();

async function analyses(): Promise<number> {
  await statisticsSettled(db.current.prisma);
  const [row] = await db.current.sql.query<{ count: number }>(
    `SELECT CAST(analyze_count AS integer) AS count FROM pg_stat_user_tables WHERE relname = 'Event'`,
  );
  return row.count;
}

test("ingestion analyses the tables after the first 1,000 events and whenever the table has doubled", async () => {
  const workspaceId = await createWorkspace(db.current.prisma);
  const at = "2026-03-02T10:00:00Z";
  const views = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => pageView(`${prefix}${i}`, at));
  await ingestEvents(db.current.prisma, workspaceId, views("a", 999));
  expect(await analyses()).toBe(0);
  await ingestEvents(db.current.prisma, workspaceId, views("b", 1));
  expect(await analyses()).toBe(1);
  // 1,000 rows as analysed: the next run comes after 1,000 + 1,000 more.
  await ingestEvents(db.current.prisma, workspaceId, views("c", 1_000));
  await ingestEvents(db.current.prisma, workspaceId, views("d", 999));
  expect(await analyses()).toBe(1);
  await ingestEvents(db.current.prisma, workspaceId, views("e", 1));
  expect(await analyses()).toBe(2);
});
