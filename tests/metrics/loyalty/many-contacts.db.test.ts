import { describe, expect, test } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { getLoyaltySummary } from "@/lib/server/metrics/loyalty/get-loyalty-summary";

import { createWorkspaceWith, sent } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";

import { before, loyaltyWindow, TO } from "./fixture-time";

const db = setupTestDatabase();

// Per-end 28-day counts are summed in 15-bit fields while a customer has fewer than 32,768
// contacts read; a customer with more is counted end by end. Both ways must agree.
describe("getLoyaltySummary with a customer of more than 32,768 contacts", () => {
  test("the over-contacted customer is counted, next to customers counted the packed way", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, [
      sent("c2", before(11)), // one contact: contacted, not over
      ...Array.from({ length: 13 }, (_, day) => sent("c3", before(20 - day))), // 13 in 28 days: over (13 / 4 > 3)
      ...Array.from({ length: 12 }, (_, day) => sent("c4", before(20 - day))), // 12: not over (12 / 4 = 3)
    ]);
    // c1: 33,000 sends, one a minute, in the 23 days before `to`: written as the contact facts
    // the refresher derives from plain promotional sends without a click (deriving them one
    // customer at a time takes minutes at this count, and only the facts are read here).
    await db.current.prisma.$executeRaw(Prisma.sql`
      INSERT INTO "ContactFact" ("workspaceId", "eventId", "customerId", "ts", "channel", "kind", "statedTopics")
      SELECT ${workspaceId}, 1000000 + g, 'c1',
        CAST(${new Date(TO).toISOString()} AS timestamptz) - g * interval '1 minute', 'email', 'promotional', '{}'
      FROM generate_series(1, 33000) AS g`);

    const { current, previous } = await getLoyaltySummary(db.current.prisma, loyaltyWindow(workspaceId));
    expect([current.contactedCustomers28d, current.overContactedCustomers, current.contacts28d]).toEqual([
      4,
      2, // c1 (end by end) and c3 (packed)
      33_000 + 1 + 13 + 12,
    ]);
    expect([current.contactedCustomers90d, current.overContactedShare]).toEqual([4, 0.5]);
    expect([previous.contactedCustomers28d, previous.overContactedCustomers]).toEqual([0, 0]);
  });
});
