import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/ingest/keyed-event";

import { customerHash } from "./customer-hash";

/**
 * Which of these customer ids are on the workspace's suppression list and not lifted, each
 * with the day it was erased: one query on the list's key, however many ids.
 */
export async function findActiveSuppressions(
  db: Tx,
  workspaceId: number,
  customerIds: Iterable<string>,
): Promise<Map<string, Date>> {
  const byHash = new Map<string, string>();
  for (const id of customerIds) byHash.set(customerHash(workspaceId, id), id);
  const found = new Map<string, Date>();
  if (byHash.size === 0) return found;
  const rows = await db.$queryRaw<{ customerHash: string; createdAt: Date }[]>(Prisma.sql`
    SELECT "customerHash", "createdAt" FROM "SuppressedCustomer"
    WHERE "workspaceId" = ${workspaceId} AND "customerHash" = ANY(CAST(${[...byHash.keys()]} AS text[]))
      AND "liftedAt" IS NULL`);
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
