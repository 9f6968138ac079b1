import { describe, expect, test } from "vitest";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();

// The test PostgreSQL server runs in Pacific/Chatham (UTC+13:45). @prisma/adapter-pg sends a
// Date as "2026-03-01 00:00:00" without offset, which PostgreSQL reads in the session time
// zone, so without lib/server/db/connection.ts pinning sessions to UTC every Date written
// through Prisma would be stored 13:45 h early.
describe("time zones", () => {
  test("a Date written through Prisma is stored as the same instant", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const at = new Date("2026-03-01T00:00:00.000Z");
    await db.current.prisma.event.create({
      data: { workspaceId, eventKey: "tz-1", type: "page_viewed", customerId: "c1", ts: at },
    });
    const [row] = await db.current.sql.query<{ epochMs: string }>(
      `SELECT (EXTRACT(EPOCH FROM "ts") * 1000)::bigint::text AS "epochMs" FROM "Event" WHERE "eventKey" = 'tz-1'`,
    );
    expect(Number(row.epochMs)).toBe(at.getTime());
  });
});
