import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";

import type { RawEvent } from "./event-fixtures";

/** Everything ingestion derives for a workspace, in a stable order, comparable with toEqual. */
export async function derivedState(prisma: PrismaClient, workspaceId: number) {
  const where = { workspaceId };
  // One query after another: the test harness keeps its pool to one connection.
  const customers = await prisma.customer.findMany({ where, orderBy: { id: "asc" } });
  const messages = await prisma.message.findMany({ where, orderBy: { messageId: "asc" } });
  const consents = await prisma.customerConsent.findMany({
    where,
    orderBy: [{ customerId: "asc" }, { channel: "asc" }],
  });
  const preferences = await prisma.customerPreference.findMany({ where, orderBy: { customerId: "asc" } });
  const events = await prisma.event.findMany({ where, orderBy: { eventKey: "asc" } });
  return {
    customers: customers.map(({ workspaceId: _, ...customer }) => customer),
    messages: messages.map(({ workspaceId: _, ...message }) => message),
    consents: consents.map(({ workspaceId: _, ...consent }) => consent),
    preferences: preferences.map(({ workspaceId: _, ...preference }) => preference),
    events: events.map((event) => ({
      eventKey: event.eventKey,
      type: event.type,
      customerId: event.customerId,
      ts: event.ts,
      topic: event.topic,
      topicInherited: event.topicInherited,
    })),
  };
}

/** Ingests the events in consecutive batches of the given sizes (the last takes the rest). */
export async function ingestInBatches(
  prisma: PrismaClient,
  workspaceId: number,
  events: readonly RawEvent[],
  sizes: (index: number) => number,
): Promise<void> {
  for (let start = 0, batch = 0; start < events.length; batch++) {
    const end = start + Math.max(1, sizes(batch));
    const result = await ingestEvents(prisma, workspaceId, events.slice(start, end));
    if (result.rejected.length > 0) throw new Error(`fixture rejected: ${JSON.stringify(result.rejected)}`);
    start = end;
  }
}
