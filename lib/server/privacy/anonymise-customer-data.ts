import "server-only";

import { randomBytes } from "node:crypto";

import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/ingest/keyed-event";

import type { ErasureCounts } from "./erasure-counts";

/**
 * A fresh anonymous customer key: `anon_` and 32 random hex digits, drawn from the system's
 * random source, never computed from the id it replaces. The same shape as the tokens of
 * retention's anonymise mode, which therefore leaves these customers alone.
 */
export function anonymousToken(): string {
  return `anon_${randomBytes(16).toString("hex")}`;
}

/**
 * Erasure by anonymisation, inside the caller's transaction: the customer key becomes a random
 * token on the customer row (consent and preferences follow through their foreign key, ON
 * UPDATE CASCADE), on every event and every contact fact; traits are removed from the customer
 * and from the events, properties from the events, and each event's key becomes
 * `anon:<token>:<event row id>` (a derived key is a hash of content that includes the old id).
 * The events themselves, their times, channels, messages, topics and values stay, and so do the
 * contact facts: every aggregate is what it was.
 */
export async function anonymiseCustomerData(
  tx: Tx,
  workspaceId: number,
  customerId: string,
): Promise<ErasureCounts> {
  const token = anonymousToken();
  const customers = await tx.$executeRaw(Prisma.sql`
    UPDATE "Customer" SET "id" = ${token}, "traits" = '{}', "traitTimes" = '{}'
    WHERE "workspaceId" = ${workspaceId} AND "id" = ${customerId}`);
  const consents = await tx.customerConsent.count({ where: { workspaceId, customerId: token } });
  const preferences = await tx.customerPreference.count({ where: { workspaceId, customerId: token } });
  const [events] = await tx.$queryRaw<{ count: bigint; from: Date | null; to: Date | null }[]>(Prisma.sql`
    WITH changed AS (
      UPDATE "Event" SET "customerId" = ${token}, "traits" = NULL, "properties" = NULL,
        "eventKey" = 'anon:' || ${token} || ':' || CAST("id" AS text)
      WHERE "workspaceId" = ${workspaceId} AND "customerId" = ${customerId}
      RETURNING "ts"
    )
    SELECT count(*) AS count, min("ts") AS "from", max("ts") AS "to" FROM changed`);
  const contactFacts = await tx.$executeRaw(Prisma.sql`
    UPDATE "ContactFact" SET "customerId" = ${token}
    WHERE "workspaceId" = ${workspaceId} AND "customerId" = ${customerId}`);
  return {
    events: Number(events.count),
    contactFacts,
    customers,
    consents,
    preferences,
    messagesRebuilt: 0,
    range: events.from && events.to ? { from: events.from, to: events.to } : null,
  };
}
