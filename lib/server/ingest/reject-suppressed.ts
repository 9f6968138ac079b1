import "server-only";

import type { SqlRunner } from "@/lib/server/db/connection";
import { findActiveSuppressions, suppressionReason } from "@/lib/server/privacy/active-suppressions";

import type { Tx } from "./keyed-event";
import type { PreparedEvents } from "./prepare-events";

/**
 * Moves the prepared events of customers on the workspace's suppression list (erased by a
 * data-subject request, not lifted) to the rejected ones, with the reason. One query per batch.
 */
export async function rejectSuppressed(
  db: Tx | SqlRunner,
  workspaceId: number,
  prepared: PreparedEvents,
): Promise<PreparedEvents> {
  if (prepared.events.length === 0) return prepared;
  const suppressed = await findActiveSuppressions(
    db,
    workspaceId,
    new Set(prepared.events.map((event) => event.customerId)),
  );
  if (suppressed.size === 0) return prepared;
  const kept: PreparedEvents = {
    events: [],
    indexes: [],
    rejected: [...prepared.rejected],
    repeated: prepared.repeated,
  };
  for (const [position, event] of prepared.events.entries()) {
    const index = prepared.indexes[position];
    const erasedAt = suppressed.get(event.customerId);
    if (erasedAt) {
      kept.rejected.push({ index, errors: [suppressionReason(erasedAt)] });
    } else {
      kept.events.push(event);
      kept.indexes.push(index);
    }
  }
  kept.rejected.sort((a, b) => a.index - b.index);
  return kept;
}
