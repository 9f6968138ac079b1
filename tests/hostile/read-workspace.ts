import { expect } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";

import { createWorkspace } from "../helpers/fixtures";

/** A day of March 2026 at 10:00 UTC, inside the window the hostile tests read. */
export const march = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;

/**
 * A small workspace that gives every metric rows to compute (three customers: a send about
 * yoga and its click, a purchase, traits; plus `extra` events) and a read-scoped API key to ask
 * for them. Returns the key.
 */
export async function readableWorkspace(
  prisma: PrismaClient,
  name: string,
  extra: readonly Record<string, unknown>[] = [],
): Promise<string> {
  const workspaceId = await createWorkspace(prisma, name);
  const result = await ingestEvents(prisma, workspaceId, [
    {
      type: "message_sent",
      customerId: "c1",
      timestamp: march(2),
      channel: "email",
      messageId: "m1",
      topic: "yoga",
    },
    { type: "message_clicked", customerId: "c1", timestamp: march(3), channel: "email", messageId: "m1" },
    {
      type: "purchased",
      customerId: "c2",
      timestamp: march(4),
      topics: ["yoga"],
      value: 10,
      currency: "EUR",
    },
    { type: "customer_updated", customerId: "c3", timestamp: march(5), traits: { country: "DK", tier: 2 } },
    ...extra,
  ]);
  expect(result.rejected).toEqual([]);
  return (await createApiKey(prisma, workspaceId, { name: "read", scopes: ["read"] })).key;
}
