import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { sqlInstant } from "@/lib/server/metrics/common/sql-instant";

/** Rows per query when a customer's events or contact facts are read for an access request. */
export const EXPORT_PAGE_ROWS = 1_000;

type Row = Record<string, unknown> & { id: bigint; ts: Date };

/**
 * Every row of one customer in a table keyed by (workspaceId, customerId, ts), in time order,
 * a page at a time (keyset on time and id), so a customer with 100,000 events never sits in
 * memory at once. `columns` is a fixed SQL select list that names the row id `id`.
 */
export async function* customerRows(
  prisma: PrismaClient,
  table: "Event" | "ContactFact",
  columns: Prisma.Sql,
  workspaceId: number,
  customerId: string,
  pageRows = EXPORT_PAGE_ROWS,
): AsyncGenerator<Row> {
  let after: { ts: Date; id: bigint } | null = null;
  for (;;) {
    const idColumn = Prisma.raw(table === "Event" ? `"id"` : `"eventId"`);
    const past: Prisma.Sql = after
      ? Prisma.sql`AND ("ts", ${idColumn}) > (${sqlInstant(after.ts)}, CAST(${after.id.toString()} AS bigint))`
      : Prisma.empty;
    const rows: Row[] = await prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT ${columns} FROM ${Prisma.raw(`"${table}"`)}
      WHERE "workspaceId" = ${workspaceId} AND "customerId" = ${customerId} ${past}
      ORDER BY "ts", ${idColumn}
      LIMIT ${pageRows}`);
    yield* rows;
    if (rows.length < pageRows) return;
    const last = rows[rows.length - 1];
    after = { ts: last.ts, id: last.id };
  }
}

/** The columns of an event in an access document (all but the workspace). */
export const EVENT_COLUMNS = Prisma.sql`"id", "eventKey", CAST("type" AS text) AS "type", "ts",
  CAST("channel" AS text) AS "channel", "messageId", "campaignId", CAST("messageKind" AS text) AS "messageKind",
  "topic", "topicInherited", "topics", "maxPerWeek", CAST("value" AS text) AS "value", "currency", "traits",
  "properties", "importBatchId", "receivedAt"`;

/** The columns of a contact fact (the scores worked out for one send) in an access document. */
export const CONTACT_FACT_COLUMNS = Prisma.sql`"eventId" AS "id", "ts", CAST("channel" AS text) AS "channel",
  "messageId", "campaignId", CAST("kind" AS text) AS "kind", "topic", "clickedAt", "relevance", "optedOutAt",
  "statedTopics", "hasPreferences", "statedMaxPerWeek"`;
