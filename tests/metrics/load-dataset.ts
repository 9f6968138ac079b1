import { expect } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { refreshContactFacts } from "@/lib/server/metrics/facts/refresh-contact-facts";

import { createWorkspace } from "../helpers/fixtures";

import { inheritTopics, type RefEvent } from "./reference/events";

/**
 * Ingests raw events (EVENTS.md shape) into a new workspace through the real ingestion path,
 * computes its contact facts, and returns the workspace with the stored events as the
 * reference implementation sees them: topics as sent, inheritance applied by the reference.
 */
export async function loadDataset(
  prisma: PrismaClient,
  events: readonly Record<string, unknown>[],
): Promise<{ workspaceId: number; events: RefEvent[] }> {
  const workspaceId = await createWorkspace(prisma, "Random");
  for (let start = 0; start < events.length; start += 1000) {
    const result = await ingestEvents(prisma, workspaceId, events.slice(start, start + 1000));
    expect(result.rejected).toEqual([]);
  }
  await refreshContactFacts(prisma, { workspaceId });
  return { workspaceId, events: await readRefEvents(prisma, workspaceId) };
}

/** The workspace's stored events for the reference, inherited topics removed and re-derived. */
export async function readRefEvents(prisma: PrismaClient, workspaceId: number): Promise<RefEvent[]> {
  const rows = await prisma.event.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
  return inheritTopics(
    rows.map((row) => ({
      key: row.eventKey,
      type: row.type,
      customerId: row.customerId,
      ts: row.ts.getTime(),
      channel: row.channel,
      messageId: row.messageId,
      campaignId: row.campaignId,
      messageKind: row.messageKind,
      topic: row.topicInherited ? null : row.topic,
      topics: row.topics,
      maxPerWeek: row.maxPerWeek,
      value: row.value === null ? null : Number(row.value),
      traits: (row.traits as Record<string, unknown> | null) ?? null,
    })),
  );
}
