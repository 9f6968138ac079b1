import "server-only";

import type { SqlRunner } from "@/lib/server/db/connection";
import type { Tx } from "@/lib/server/ingest/keyed-event";

import { customerHash } from "./customer-hash";

const ANY_ACTIVE = `
  SELECT EXISTS (SELECT 1 FROM "SuppressedCustomer" WHERE "workspaceId" = $1 AND "liftedAt" IS NULL) AS "any"`;
const ACTIVE_SUPPRESSIONS = `
  SELECT "customerHash", "createdAt" FROM "SuppressedCustomer"
  WHERE "workspaceId" = $1 AND "customerHash" = ANY(CAST($2 AS text[])) AND "liftedAt" IS NULL`;

const query = <T>(db: Tx | SqlRunner, sql: string, params: unknown[]): Promise<T[]> =>
  "$queryRawUnsafe" in db ? db.$queryRawUnsafe<T[]>(sql, ...params) : db.query<T>(sql, params);

/**
 * Which of these customer ids are on the workspace's suppression list and not lifted, each
 * with the day it was erased: one query on the list's key, however many ids — after a first
 * one that spares hashing them when the workspace suppresses no one (the usual case). Through
 * Prisma or straight through the driver (an import chunk's bulk transaction).
 */
export async function findActiveSuppressions(
  db: Tx | SqlRunner,
  workspaceId: number,
  customerIds: Iterable<string>,
): Promise<Map<string, Date>> {
  const found = new Map<string, Date>();
  const [{ any }] = await query<{ any: boolean }>(db, ANY_ACTIVE, [workspaceId]);
  if (!any) return found;
  const byHash = new Map<string, string>();
  for (const id of customerIds) byHash.set(customerHash(workspaceId, id), id);
  if (byHash.size === 0) return found;
  const rows = await query<{ customerHash: string; createdAt: Date }>(db, ACTIVE_SUPPRESSIONS, [
    workspaceId,
    [...byHash.keys()],
  ]);
  for (const row of rows) found.set(byHash.get(row.customerHash) as string, row.createdAt);
  return found;
}

/** Why an event of a suppressed customer is refused (the API's and the import's wording). */
export function suppressionReason(erasedAt: Date): string {
  return (
    `customerId: this customer was erased by a data-subject request on ${erasedAt.toISOString().slice(0, 10)}; ` +
    "an admin can lift the suppression in Settings → Data-subject requests"
  );
}
