import type { PrismaClient, RetentionMode } from "@/lib/generated/prisma/client";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { refreshContactFacts } from "@/lib/server/metrics/facts/refresh-contact-facts";

import { createWorkspace } from "../helpers/fixtures";

export type RawEvent = Record<string, unknown>;

/** The retention tests' clock: 15 June 2026 noon UTC. With 3 months the cutoff is 15 March 00:00 UTC. */
export const NOW = new Date("2026-06-15T12:00:00Z");
export const CUTOFF = new Date("2026-03-15T00:00:00Z");

/** A workspace in UTC with a 3-month policy, holding the events as ingestion stores them. */
export async function workspaceWithPolicy(
  prisma: PrismaClient,
  mode: RetentionMode,
  events: readonly RawEvent[],
  months: number | null = 3,
): Promise<number> {
  const workspaceId = await createWorkspace(prisma, "Retention");
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: { timeZone: "UTC", retentionMonths: months, retentionMode: mode },
  });
  await ingest(prisma, workspaceId, events);
  return workspaceId;
}

/** Ingests the events (every one must be accepted) and computes the workspace's contact facts. */
export async function ingest(prisma: PrismaClient, workspaceId: number, events: readonly RawEvent[]) {
  const result = await ingestEvents(prisma, workspaceId, events);
  if (result.rejected.length > 0) throw new Error(`fixture rejected: ${JSON.stringify(result.rejected)}`);
  await refreshContactFacts(prisma, { workspaceId });
}

/** The contact facts of a workspace without their event ids, in a stable order. */
export async function contactFacts(prisma: PrismaClient, workspaceId: number) {
  const facts = await prisma.contactFact.findMany({
    where: { workspaceId },
    orderBy: [{ ts: "asc" }, { customerId: "asc" }, { messageId: "asc" }],
  });
  return facts.map(({ workspaceId: _, eventId: __, ...fact }) => fact);
}

/** The audit entries of the retention runs of a workspace, oldest first. */
export function retentionRuns(prisma: PrismaClient, workspaceId: number) {
  return prisma.auditLog.findMany({
    where: { workspaceId, action: "retention.run" },
    orderBy: { id: "asc" },
  });
}

const event = (type: string, customerId: string, timestamp: string, extra: RawEvent = {}): RawEvent => ({
  type,
  customerId,
  timestamp,
  ...extra,
});

export const send = (customer: string, message: string, at: string, extra: RawEvent = {}) =>
  event("message_sent", customer, at, {
    channel: "email",
    messageId: message,
    messageKind: "promotional",
    ...extra,
  });
export const click = (customer: string, message: string, at: string) =>
  event("message_clicked", customer, at, { channel: "email", messageId: message });
export const view = (customer: string, at: string, extra: RawEvent = {}) =>
  event("page_viewed", customer, at, { channel: "web", ...extra });
export const traits = (customer: string, at: string, values: Record<string, unknown>) =>
  event("customer_updated", customer, at, { traits: values });
export const unsubscribed = (customer: string, at: string) => event("unsubscribed", customer, at);
export const preferences = (customer: string, at: string, topics: string[]) =>
  event("preferences_updated", customer, at, { topics });
