import {
  type Channel,
  type EventType,
  type MessageKind,
  Prisma,
  type PrismaClient,
} from "@/lib/generated/prisma/client";
import { refreshContactFacts } from "@/lib/server/metrics/facts/refresh-contact-facts";

/** One Event row of a hand-worked fixture; `at` is an ISO instant. */
export interface FixtureEvent {
  type: EventType;
  customer: string;
  at: string;
  channel?: Channel | null;
  messageKind?: MessageKind | null;
  messageId?: string;
  campaignId?: string;
  /** Stored as given: fixtures bypass ingestion, so nothing is inherited from the send. */
  topic?: string;
  topics?: string[];
  maxPerWeek?: number;
  value?: number;
  traits?: Record<string, unknown>;
  /** The eventKey; default a unique one. */
  key?: string;
}

let workspaceCount = 0;
let eventCount = 0;

/** Creates an empty workspace and returns its id. */
export async function createWorkspace(prisma: PrismaClient, name = "Fixture"): Promise<number> {
  workspaceCount += 1;
  const slug = `fixture-${workspaceCount}-${Date.now().toString(36)}`;
  const workspace = await prisma.workspace.create({ data: { name, slug } });
  return workspace.id;
}

/**
 * Writes the events to the workspace, each with its own eventKey, and recomputes the
 * workspace's contact facts (as ingestion's refresher would). Timestamps go in as ISO
 * strings with `Z`, so fixtures mean the same instants whatever the server's time zone
 * (a Date through @prisma/adapter-pg would not: see tests/db/time-zone.db.test.ts).
 */
export async function insertEvents(
  prisma: PrismaClient,
  workspaceId: number,
  events: FixtureEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => {
    eventCount += 1;
    return Prisma.sql`(${workspaceId}, ${event.key ?? `fixture-${eventCount}`}, CAST(${event.type} AS "EventType"),
      ${event.customer}, CAST(${new Date(event.at).toISOString()} AS timestamptz), CAST(${event.channel ?? null} AS "Channel"),
      CAST(${event.messageKind ?? null} AS "MessageKind"), ${event.messageId ?? null}, ${event.campaignId ?? null},
      ${event.topic ?? null}, CAST(${event.topics ?? []} AS text[]), CAST(${event.maxPerWeek ?? null} AS float8),
      CAST(${event.value ?? null} AS numeric), CAST(${event.traits ? JSON.stringify(event.traits) : null} AS jsonb))`;
  });
  await prisma.$executeRaw(Prisma.sql`
    INSERT INTO "Event" ("workspaceId", "eventKey", "type", "customerId", "ts", "channel", "messageKind", "messageId",
      "campaignId", "topic", "topics", "maxPerWeek", "value", "traits")
    VALUES ${Prisma.join(rows)}`);
  await refreshContactFacts(prisma, { workspaceId });
}

/** Creates a workspace holding exactly these events and returns its id. */
export async function createWorkspaceWith(prisma: PrismaClient, events: FixtureEvent[]): Promise<number> {
  const workspaceId = await createWorkspace(prisma);
  await insertEvents(prisma, workspaceId, events);
  return workspaceId;
}

/** A message_sent; the kind defaults to promotional, pass null for a send without one. */
export function sent(
  customer: string,
  at: string,
  channel: Channel = "email",
  messageKind: MessageKind | null = "promotional",
): FixtureEvent {
  return { type: "message_sent", customer, at, channel, messageKind, messageId: `m-${customer}-${at}` };
}

type ConsentEventType = "unsubscribed" | "complained" | "consent_withdrawn" | "consent_granted";

/** An opt-out or a grant; without a channel it applies to every channel. */
export function consent(
  type: ConsentEventType,
  customer: string,
  at: string,
  channel: Channel | null = null,
): FixtureEvent {
  return { type, customer, at, channel };
}
