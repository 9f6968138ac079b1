import "server-only";

import type { ChannelName, EventTypeName, MessageKindName } from "@/lib/events/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Traits } from "@/lib/schemas/event-traits";

import { inheritTopics } from "./inherit-topics";
import type { KeyedEvent, Tx } from "./keyed-event";
import { upsertConsents } from "./update-consents";
import { upsertCustomers } from "./update-customers";
import { upsertMessages } from "./update-messages";
import { upsertPreferences } from "./update-preferences";

const PAGE = 20_000;

interface StoredEventRow {
  id: bigint;
  eventKey: string;
  type: EventTypeName;
  customerId: string;
  ts: Date;
  channel: ChannelName | null;
  messageId: string | null;
  campaignId: string | null;
  messageKind: MessageKindName | null;
  topic: string | null;
  topicInherited: boolean;
  topics: string[];
  maxPerWeek: number | null;
  value: number | null;
  currency: string | null;
  traits: Prisma.JsonValue;
  properties: Prisma.JsonValue;
}

const COLUMNS = Prisma.raw(`"id", "eventKey", CAST("type" AS text) AS "type", "customerId", "ts",
  CAST("channel" AS text) AS "channel", "messageId", "campaignId", CAST("messageKind" AS text) AS "messageKind",
  "topic", "topicInherited", "topics", "maxPerWeek", CAST("value" AS float8) AS "value", "currency", "traits",
  "properties"`);

/** A stored event as ingestion saw it: its own topic (not an inherited one). */
function toKeyedEvent(row: StoredEventRow): KeyedEvent {
  return {
    key: row.eventKey,
    id: null,
    type: row.type,
    customerId: row.customerId,
    timestamp: row.ts,
    channel: row.channel,
    messageId: row.messageId,
    campaignId: row.campaignId,
    messageKind: row.messageKind,
    topic: row.topicInherited ? null : row.topic,
    topics: row.topics,
    maxPerWeek: row.maxPerWeek,
    value: row.value,
    currency: row.currency,
    traits: (row.traits as Traits | null) ?? null,
    properties: (row.properties as Record<string, unknown> | null) ?? null,
  };
}

/**
 * Rebuilds the derived state of some customers and messages from the events the workspace
 * still holds, after events were removed (an import batch deleted): their customer rows,
 * consent, preferences and inherited topics, and the catalogue entries of the messages. It
 * feeds the remaining events through the same upserts as ingestion, page by page, so the
 * result equals what ingesting only the remaining events would have given.
 */
export async function rebuildDerivedState(
  tx: Tx,
  workspaceId: number,
  customerIds: readonly string[],
  messageIds: readonly string[],
): Promise<void> {
  const customers = Prisma.sql`CAST(${[...customerIds]} AS text[])`;
  const messages = Prisma.sql`CAST(${[...messageIds]} AS text[])`;
  if (customerIds.length > 0) {
    for (const table of ["Customer", "CustomerConsent", "CustomerPreference"]) {
      const id = Prisma.raw(table === "Customer" ? `"id"` : `"customerId"`);
      await tx.$executeRaw(Prisma.sql`
        DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE "workspaceId" = ${workspaceId} AND ${id} = ANY(${customers})`);
    }
    await tx.$executeRaw(Prisma.sql`
      UPDATE "Event" SET "topic" = NULL, "topicInherited" = false
      WHERE "workspaceId" = ${workspaceId} AND "topicInherited" AND "customerId" = ANY(${customers})`);
    for (let after: StoredEventRow | null = null; ; ) {
      const page: StoredEventRow[] = await tx.$queryRaw<StoredEventRow[]>(Prisma.sql`
        SELECT ${COLUMNS} FROM "Event"
        WHERE "workspaceId" = ${workspaceId} AND "customerId" = ANY(${customers})
          ${after ? Prisma.sql`AND ("customerId", "id") > (${after.customerId}, ${after.id})` : Prisma.empty}
        ORDER BY "customerId", "id"
        LIMIT ${PAGE}`);
      if (page.length === 0) break;
      const events = page.map(toKeyedEvent);
      await upsertCustomers(tx, workspaceId, events);
      await upsertConsents(tx, workspaceId, events);
      await upsertPreferences(tx, workspaceId, events);
      await inheritTopics(tx, workspaceId, events);
      after = page[page.length - 1];
    }
  }
  if (messageIds.length > 0) {
    await tx.$executeRaw(Prisma.sql`
      DELETE FROM "Message" WHERE "workspaceId" = ${workspaceId} AND "messageId" = ANY(${messages})`);
    for (let after: bigint | null = null; ; ) {
      const page: StoredEventRow[] = await tx.$queryRaw<StoredEventRow[]>(Prisma.sql`
        SELECT ${COLUMNS} FROM "Event"
        WHERE "workspaceId" = ${workspaceId} AND "type" = 'message_sent' AND "messageId" = ANY(${messages})
          ${after !== null ? Prisma.sql`AND "id" > ${after}` : Prisma.empty}
        ORDER BY "id"
        LIMIT ${PAGE}`);
      if (page.length === 0) break;
      await upsertMessages(tx, workspaceId, page.map(toKeyedEvent));
      after = page[page.length - 1].id;
    }
  }
}
