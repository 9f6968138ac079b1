import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { ValidEvent } from "@/lib/schemas/event";

/** A validated event with its idempotency key (lib/server/ingest/event-key.ts). */
export interface KeyedEvent extends ValidEvent {
  key: string;
}

/** Ingestion statements run inside the batch's one transaction. */
export type Tx = Prisma.TransactionClient;

/** One array per column, for `unnest(...)`: the whole batch is one bound parameter per column. */
export function column<T, V>(rows: readonly T[], pick: (row: T) => V): V[] {
  return rows.map(pick);
}

export const iso = (date: Date) => date.toISOString();

/** A text[] literal of slugs (`{"a","b"}`); quoted, so a topic named "null" stays a string. */
export function topicsLiteral(topics: readonly string[]): string {
  return `{${topics.map((topic) => `"${topic}"`).join(",")}}`;
}
