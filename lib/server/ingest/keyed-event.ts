import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { ValidEvent } from "@/lib/schemas/event";

/** A validated event with its idempotency key (lib/server/ingest/event-key.ts). */
export interface KeyedEvent extends ValidEvent {
  key: string;
}

/** A Prisma transaction (rebuilding derived state after deletions, retention, erasure). */
export type Tx = Prisma.TransactionClient;

/**
 * What the derivations need of a transaction: raw statements. A Prisma transaction is one; an
 * API batch's bulk session becomes one through `sessionStatements` (store-batch.ts).
 */
export interface SqlTx {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
  $executeRaw(query: Prisma.Sql): Promise<number>;
}
