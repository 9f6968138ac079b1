import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The transaction-scoped advisory locks of a workspace, by what they serialise: the first key
 * of `pg_advisory_xact_lock(key, workspaceId)`, one number per kind of work, all in one place
 * so that no two kinds share one by accident.
 */
export const WORKSPACE_LOCKS = {
  /** Rewriting a workspace's contact facts (refresh-contact-facts.ts). */
  contactFacts: 7410,
  /** Removing events: retention batches and erasure of a customer. */
  eventRemoval: 7411,
  /** Deriving an import's stored events: one pass at a time (derive-imported-events.ts). */
  importDerive: 7412,
} as const;

/** Waits for the workspace's lock of this kind, held until the transaction ends. */
export async function lockWorkspace(
  tx: { $executeRaw: (query: Prisma.Sql) => Promise<number> },
  lock: keyof typeof WORKSPACE_LOCKS,
  workspaceId: number,
): Promise<void> {
  await tx.$executeRaw(
    Prisma.sql`SELECT pg_advisory_xact_lock(${WORKSPACE_LOCKS[lock]}::int, ${workspaceId}::int)`,
  );
}
