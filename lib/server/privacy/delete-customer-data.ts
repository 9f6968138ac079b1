import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/ingest/keyed-event";
import { rebuildDerivedState } from "@/lib/server/ingest/rebuild-derived-state";

import type { ErasureCounts } from "./erasure-counts";

/**
 * Erasure by deletion, inside the caller's transaction: every event of the customer, their
 * contact facts and their customer row (consent and preferences with it), and then the
 * catalogue entries of the messages they were sent, worked out again from the sends that remain
 * (a message whose only sends were theirs leaves the catalogue).
 */
export async function deleteCustomerData(
  tx: Tx,
  workspaceId: number,
  customerId: string,
): Promise<ErasureCounts> {
  const where = { workspaceId, customerId };
  const consents = await tx.customerConsent.count({ where });
  const preferences = await tx.customerPreference.count({ where });
  const [events] = await tx.$queryRaw<
    { count: bigint; from: Date | null; to: Date | null; messages: string[] | null }[]
  >(Prisma.sql`
    WITH removed AS (
      DELETE FROM "Event" WHERE "workspaceId" = ${workspaceId} AND "customerId" = ${customerId}
      RETURNING "messageId", CAST("type" AS text) AS "type", "ts"
    )
    SELECT count(*) AS count, min("ts") AS "from", max("ts") AS "to",
      array_agg(DISTINCT "messageId") FILTER (WHERE "type" = 'message_sent' AND "messageId" IS NOT NULL) AS messages
    FROM removed`);
  const contactFacts = await tx.contactFact.deleteMany({ where });
  const customers = await tx.customer.deleteMany({ where: { workspaceId, id: customerId } });
  const messages = events.messages ?? [];
  // The customer is gone with all their events: only the catalogue needs working out again.
  await rebuildDerivedState(tx, workspaceId, [], messages);
  return {
    events: Number(events.count),
    contactFacts: contactFacts.count,
    customers: customers.count,
    consents,
    preferences,
    messagesRebuilt: messages.length,
    range: events.from && events.to ? { from: events.from, to: events.to } : null,
  };
}
