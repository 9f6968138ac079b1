import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";
import { refreshContactFacts } from "@/lib/server/metrics/facts/refresh-contact-facts";

import { createWorkspace } from "../helpers/fixtures";

export type RawEvent = Record<string, unknown>;

/** The data subject: an id distinctive enough that finding it in any row's text means a trace. */
export const SUBJECT = "crm-subject-4711";
export const OTHER = "crm-other-0815";

const at = (day: number, time: string) => `2026-03-0${day}T${time}:00Z`;
const email = { channel: "email" };

/*
 * The fixture (UTC). The subject:
 *   1 Mar 08:00 traits country DK, tier gold (properties: source crm)   1 Mar 08:30 consent granted, email
 *   1 Mar 09:00 preferences: running, at most 2 a week                   1 Mar 10:00 views a running product
 *   2 Mar 10:00 sent m1 (running, campaign spring) — m1's first send     2 Mar 12:00 clicks m1
 *   4 Mar 10:00 unsubscribes from email                                  5 Mar 10:00 sent m2 (running): only send of m2
 *   6 Mar 10:00 purchases 40 EUR, running (properties: order o-1)
 * The other customer:
 *   3 Mar 10:00 sent m1 (running, campaign late)                         4 Mar 10:00 sent m3 (yoga, campaign late)
 *   4 Mar 11:00 clicks m3
 *
 * In [2 Mar, 16 Mar): 4 contacts to 2 customers; 1 contact after an opt-out (the subject's m2,
 * after the unsubscription of 4 Mar); 2 of 4 contacts clicked (subject's m1, other's m3).
 * Relevance: the subject's m1 and m2 score 100 (their only signals are about running: the
 * product view, and for m2 also the click on m1, which inherits m1's topic); the other
 * customer has no signal before either send: not scored.
 */
export const SUBJECT_EVENTS: RawEvent[] = [
  {
    id: "evt-s1",
    type: "customer_updated",
    customerId: SUBJECT,
    timestamp: at(1, "08:00"),
    traits: { country: "DK", loyaltyTier: "gold" },
    properties: { source: "crm" },
  },
  { type: "consent_granted", customerId: SUBJECT, timestamp: at(1, "08:30"), ...email },
  {
    type: "preferences_updated",
    customerId: SUBJECT,
    timestamp: at(1, "09:00"),
    topics: ["running"],
    maxPerWeek: 2,
  },
  {
    type: "product_viewed",
    customerId: SUBJECT,
    timestamp: at(1, "10:00"),
    channel: "web",
    topic: "running",
  },
  {
    id: "evt-s5",
    type: "message_sent",
    customerId: SUBJECT,
    timestamp: at(2, "10:00"),
    ...email,
    messageId: "m1",
    messageKind: "promotional",
    topic: "running",
    campaignId: "spring",
  },
  { type: "message_clicked", customerId: SUBJECT, timestamp: at(2, "12:00"), ...email, messageId: "m1" },
  { type: "unsubscribed", customerId: SUBJECT, timestamp: at(4, "10:00"), ...email },
  {
    type: "message_sent",
    customerId: SUBJECT,
    timestamp: at(5, "10:00"),
    ...email,
    messageId: "m2",
    messageKind: "promotional",
    topic: "running",
    campaignId: "spring",
  },
  {
    type: "purchased",
    customerId: SUBJECT,
    timestamp: at(6, "10:00"),
    channel: "web",
    value: 40,
    currency: "EUR",
    topics: ["running"],
    properties: { orderId: "o-1" },
  },
];

export const OTHER_EVENTS: RawEvent[] = [
  {
    type: "message_sent",
    customerId: OTHER,
    timestamp: at(3, "10:00"),
    ...email,
    messageId: "m1",
    messageKind: "promotional",
    topic: "running",
    campaignId: "late",
  },
  {
    type: "message_sent",
    customerId: OTHER,
    timestamp: at(4, "10:00"),
    ...email,
    messageId: "m3",
    messageKind: "promotional",
    topic: "yoga",
    campaignId: "late",
  },
  { type: "message_clicked", customerId: OTHER, timestamp: at(4, "11:00"), ...email, messageId: "m3" },
];

/** A UTC workspace holding the fixture as ingestion stores it, with its contact facts. */
export async function privacyWorkspace(prisma: PrismaClient, name = "Privacy"): Promise<number> {
  const workspaceId = await createWorkspace(prisma, name);
  await prisma.workspace.update({ where: { id: workspaceId }, data: { timeZone: "UTC" } });
  const result = await ingestEvents(prisma, workspaceId, [...SUBJECT_EVENTS, ...OTHER_EVENTS]);
  if (result.rejected.length > 0) throw new Error(`fixture rejected: ${JSON.stringify(result.rejected)}`);
  await refreshContactFacts(prisma, { workspaceId });
  return workspaceId;
}

const TABLES = [
  "Customer",
  "CustomerConsent",
  "CustomerPreference",
  "Event",
  "ContactFact",
  "Message",
  "ImportRowError",
  "AuditLog",
  "SuppressedCustomer",
] as const;

/** The tables of the workspace whose rows, as text, contain `needle` (every column of every row). */
export async function tablesContaining(prisma: PrismaClient, workspaceId: number, needle: string) {
  const found: string[] = [];
  for (const table of TABLES) {
    const [row] = await prisma.$queryRaw<{ count: bigint }[]>(Prisma.sql`
      SELECT count(*) AS count FROM ${Prisma.raw(`"${table}"`)} AS t
      WHERE t."workspaceId" = ${workspaceId} AND strpos(CAST(t AS text), ${needle}) > 0`);
    if (Number(row.count) > 0) found.push(table);
  }
  return found;
}
