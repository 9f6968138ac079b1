import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which stored events a derivation reads: a condition on `"Event" AS e` of one workspace.
 * Derived state is always built from the events as stored, so an API batch, a stretch of an
 * import and a rebuild after a deletion all run the same statements.
 */
export interface EventSource {
  workspaceId: number;
  /** A condition on `e`, e.g. `e."id" = ANY(…)`. */
  where: Prisma.Sql;
}

/** The events with these ids (an API batch just stored). */
export function eventsWithIds(workspaceId: number, ids: readonly bigint[]): EventSource {
  return {
    workspaceId,
    where: Prisma.sql`e."id" = ANY(CAST(${ids.map(String)} AS bigint[]))`,
  };
}

/** The events of an import batch with ids in (after, upTo]. */
export function importedEvents(
  workspaceId: number,
  batchId: number,
  after: bigint,
  upTo: bigint,
): EventSource {
  return {
    workspaceId,
    where: Prisma.sql`e."importBatchId" = ${batchId} AND e."id" > ${after} AND e."id" <= ${upTo}`,
  };
}

/** The events of some customers (a rebuild after events were deleted). */
export function eventsOfCustomers(workspaceId: number, customerIds: readonly string[]): EventSource {
  return { workspaceId, where: Prisma.sql`e."customerId" = ANY(CAST(${[...customerIds]} AS text[]))` };
}

/** The sends of some messages (a rebuild of their catalogue entries). */
export function sendsOfMessages(workspaceId: number, messageIds: readonly string[]): EventSource {
  return {
    workspaceId,
    where: Prisma.sql`e."type" = 'message_sent' AND e."messageId" = ANY(CAST(${[...messageIds]} AS text[]))`,
  };
}

/** `FROM "Event" AS e WHERE <workspace and condition>` for a source. */
export function fromSource(source: EventSource): Prisma.Sql {
  return Prisma.sql`FROM "Event" AS e WHERE e."workspaceId" = ${source.workspaceId} AND ${source.where}`;
}

/** An instant as JSON text in the format JavaScript writes (`2026-03-02T10:00:00.000Z`). */
export const jsonInstant = (column: Prisma.Sql) =>
  Prisma.sql`to_jsonb(to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
