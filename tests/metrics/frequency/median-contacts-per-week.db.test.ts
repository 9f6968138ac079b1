import { describe, expect, test } from "vitest";

import type { Channel } from "@/lib/generated/prisma/client";
import { getContactTotals } from "@/lib/server/metrics/frequency/get-contact-totals";

import { createWorkspaceWith, type FixtureEvent, sent } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";

const db = setupTestDatabase();

/** `n` sends to one customer, one per day from 2026-03-02 (all inside the 2-week window). */
function sends(customer: string, n: number, channel: Channel = "email"): FixtureEvent[] {
  return Array.from({ length: n }, (_, day) =>
    sent(customer, `2026-03-${String(2 + day).padStart(2, "0")}T10:00:00Z`, channel),
  );
}

async function medianFor(
  events: FixtureEvent[],
  window: { from?: string; to?: string; channel?: Channel } = {},
) {
  const workspaceId = await createWorkspaceWith(db.current.prisma, events);
  const totals = await getContactTotals(db.current.prisma, {
    ...reportWindow(workspaceId, window.from, window.to),
    channel: window.channel,
  });
  return totals.medianContactsPerWeek;
}

describe("median contacts per week over contacted customers", () => {
  test("odd count: the middle value", async () => {
    // per week over 2 weeks: c1 1/2 = 0.5, c2 3/2 = 1.5, c3 6/2 = 3 → median 1.5
    expect(await medianFor([...sends("c1", 1), ...sends("c2", 3), ...sends("c3", 6)])).toBe(1.5);
  });

  test("even count: the mean of the two middle values", async () => {
    // per week: 0.5, 1, 2.5, 4 → (1 + 2.5) / 2 = 1.75
    expect(
      await medianFor([...sends("c1", 1), ...sends("c2", 2), ...sends("c3", 5), ...sends("c4", 8)]),
    ).toBe(1.75);
  });

  test("nobody contacted in the window: null, not 0", async () => {
    // one send just before the window and a receipt inside it: no contact in the window
    const events = [
      sent("c1", "2026-03-01T23:59:59.999Z"),
      sent("c2", "2026-03-03T10:00:00Z", "email", "transactional"),
    ];
    expect(await medianFor(events)).toBeNull();
  });

  test("weeks are fractional: 5 contacts in 10 days is 3.5 per week", async () => {
    // weeks = 10 / 7; 5 / (10 / 7) = 3.5
    const median = await medianFor(sends("c1", 5), { to: "2026-03-12T00:00:00Z" });
    expect(median).toBeCloseTo(3.5, 12);
  });

  test("transactional sends do not add to a customer's contacts", async () => {
    // c1: 2 contacts + 3 receipts → 2 / 2 weeks = 1
    const receipts = sends("c1", 3).map((event) => ({ ...event, messageKind: "transactional" as const }));
    expect(await medianFor([...sends("c1", 2), ...receipts])).toBe(1);
  });

  test("the channel filter counts only that channel's contacts and customers", async () => {
    // all channels: c1 4/2 = 2, c2 2/2 = 1 → 1.5; sms only: c2 → 1; email only: c1 → 2
    const events = [...sends("c1", 4, "email"), ...sends("c2", 2, "sms")];
    expect(await medianFor(events)).toBe(1.5);
    expect(await medianFor(events, { channel: "sms" })).toBe(1);
    expect(await medianFor(events, { channel: "email" })).toBe(2);
  });
});
