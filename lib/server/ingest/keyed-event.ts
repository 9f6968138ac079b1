import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { ValidEvent } from "@/lib/schemas/event";

/** A validated event with its idempotency key (lib/server/ingest/event-key.ts). */
export interface KeyedEvent extends ValidEvent {
  key: string;
}

/** Ingestion statements run inside the batch's one transaction. */
export type Tx = Prisma.TransactionClient;

export const iso = (date: Date) => date.toISOString();
