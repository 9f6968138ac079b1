import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/ingest/keyed-event";
import { rebuildDerivedState } from "@/lib/server/ingest/rebuild-derived-state";
import { replaceContactFacts, scopeAfterEvents } from "@/lib/server/metrics/facts/refresh-contact-facts";

/** What one batch of a retention run changed. */
export interface RetentionBatch {
  /** Events deleted or anonymised. */
  events: number;
  /** The customers whose events they were (their real keys). */
  customers: string[];
  /** Anonymise: the token each of those customers' events now carry (same order). */
  tokens: string[];
  /** Delete: the messages that lost a send, whose catalogue entry is worked out again. */
  messages: string[];
  /** The earliest time among the events. */
  from: Date | null;
}

/** One row per customer of a batch, as the batch statements return them. */
export interface BatchRow {
  customer: string;
  token?: string;
  events: bigint;
  first: Date;
  messages?: string[] | null;
}

export function summariseBatch(rows: readonly BatchRow[]): RetentionBatch {
  const messages = new Set<string>();
  let from: Date | null = null;
  for (const row of rows) {
    for (const message of row.messages ?? []) messages.add(message);
    if (!from || row.first < from) from = row.first;
  }
  return {
    events: rows.reduce((sum, row) => sum + Number(row.events), 0),
    customers: rows.map((row) => row.customer),
    tokens: rows.flatMap((row) => (row.token ? [row.token] : [])),
    messages: [...messages],
    from,
  };
}

/**
 * Brings everything derived from the batch's events up to date in its transaction: the rows
 * of its customers (and tokens) rebuilt from the events that remain — a customer left without
 * events is gone — the catalogue entries of its messages, and the contact facts of all of
 * them from a week before its earliest event (a click reaches back 7 days). Returns how many
 * of the batch's customers no longer exist.
 */
export async function rederiveAfterBatch(
  tx: Tx,
  workspaceId: number,
  batch: RetentionBatch,
): Promise<number> {
  if (batch.events === 0 || !batch.from) return 0;
  const customerIds = [...batch.customers, ...batch.tokens];
  await rebuildDerivedState(tx, workspaceId, customerIds, batch.messages);
  await replaceContactFacts(tx, scopeAfterEvents({ workspaceId, from: batch.from, customerIds }));
  const [row] = await tx.$queryRaw<{ gone: bigint }[]>(Prisma.sql`
    SELECT count(*) AS gone FROM unnest(CAST(${batch.customers} AS text[])) AS c(id)
    WHERE NOT EXISTS (SELECT 1 FROM "Customer" AS k WHERE k."workspaceId" = ${workspaceId} AND k."id" = c.id)`);
  return Number(row.gone);
}
