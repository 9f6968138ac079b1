import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { eventsOfCustomers, sendsOfMessages } from "./event-source";
import { inheritTopics } from "./inherit-topics";
import type { Tx } from "./keyed-event";
import { upsertConsents } from "./update-consents";
import { upsertCustomers } from "./update-customers";
import { upsertMessages } from "./update-messages";
import { upsertPreferences } from "./update-preferences";

/**
 * Rebuilds the derived state of some customers and messages from the events the workspace
 * still holds, after events were removed (an import batch deleted): their customer rows,
 * consent, preferences and inherited topics, and the catalogue entries of the messages. It
 * clears them and runs the same derivations as ingestion over the remaining events, so the
 * result equals what ingesting only the remaining events would have given.
 */
export async function rebuildDerivedState(
  tx: Tx,
  workspaceId: number,
  customerIds: readonly string[],
  messageIds: readonly string[],
): Promise<void> {
  if (customerIds.length > 0) {
    const customers = Prisma.sql`CAST(${[...customerIds]} AS text[])`;
    for (const table of ["Customer", "CustomerConsent", "CustomerPreference"]) {
      const id = Prisma.raw(table === "Customer" ? `"id"` : `"customerId"`);
      await tx.$executeRaw(Prisma.sql`
        DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE "workspaceId" = ${workspaceId} AND ${id} = ANY(${customers})`);
    }
    await tx.$executeRaw(Prisma.sql`
      UPDATE "Event" SET "topic" = NULL, "topicInherited" = false
      WHERE "workspaceId" = ${workspaceId} AND "topicInherited" AND "customerId" = ANY(${customers})`);
    const source = eventsOfCustomers(workspaceId, customerIds);
    await upsertCustomers(tx, source);
    await upsertConsents(tx, source);
    await upsertPreferences(tx, source);
    await inheritTopics(tx, source);
  }
  if (messageIds.length > 0) {
    await tx.$executeRaw(Prisma.sql`
      DELETE FROM "Message" WHERE "workspaceId" = ${workspaceId}
        AND "messageId" = ANY(CAST(${[...messageIds]} AS text[]))`);
    await upsertMessages(tx, sendsOfMessages(workspaceId, messageIds));
  }
}
