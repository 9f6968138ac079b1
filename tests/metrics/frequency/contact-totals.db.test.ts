import { describe, expect, test } from "vitest";

import { getContactTotals } from "@/lib/server/metrics/frequency/get-contact-totals";

import { createWorkspaceWith, type FixtureEvent, sent } from "../../helpers/fixtures";
import { FROM, reportWindow, TO } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";

const db = setupTestDatabase();

/** [contacts, contacted customers] in the window of a new workspace holding `events`. */
async function countsFor(events: FixtureEvent[], channel?: "email" | "sms" | "push") {
  const workspaceId = await createWorkspaceWith(db.current.prisma, events);
  const params = { ...reportWindow(workspaceId), channel };
  const totals = await getContactTotals(db.current.prisma, params);
  return [totals.contacts, totals.contactedCustomers];
}

describe("contacts and contacted customers", () => {
  test("a send at `from` is in the window, a send at `to` is not", async () => {
    const counts = await countsFor([
      sent("c1", FROM), //                       in: = from
      sent("c2", "2026-03-15T23:59:59.999Z"), // in: the last millisecond
      sent("c3", TO), //                         out: = to
      sent("c4", "2026-03-01T23:59:59.999Z"), // out: before from
    ]);
    expect(counts).toEqual([2, 2]); // c1, c2
  });

  test("transactional sends are not contacts; a send without messageKind counts as promotional", async () => {
    const counts = await countsFor([
      sent("c1", "2026-03-03T10:00:00Z", "email", "promotional"), // contact
      sent("c1", "2026-03-04T10:00:00Z", "email", "lifecycle"), //   contact
      sent("c1", "2026-03-05T10:00:00Z", "email", null), //          contact (no kind)
      sent("c2", "2026-03-05T10:00:00Z", "email", "transactional"), // not a contact
    ]);
    expect(counts).toEqual([3, 1]); // 3 contacts, all to c1; c2 got only a receipt
  });

  test("a customer contacted several times is one contacted customer", async () => {
    const counts = await countsFor([
      sent("c1", "2026-03-03T10:00:00Z"),
      sent("c1", "2026-03-03T10:00:00Z", "sms"), // same instant, other channel: a second contact
      sent("c1", "2026-03-10T10:00:00Z"),
      sent("c2", "2026-03-11T10:00:00Z"),
    ]);
    expect(counts).toEqual([4, 2]);
  });

  test("events other than message_sent are not contacts", async () => {
    const at = "2026-03-03T10:00:00Z";
    const others: FixtureEvent[] = (
      ["message_delivered", "message_opened", "message_clicked", "purchased"] as const
    ).map((type) => ({ type, customer: "c1", at, channel: "email" }));
    expect(await countsFor(others)).toEqual([0, 0]);
  });

  describe("the channel filter keeps only sends on that channel", () => {
    const events = [
      sent("c1", "2026-03-03T10:00:00Z", "email"),
      sent("c1", "2026-03-04T10:00:00Z", "sms"),
      sent("c2", "2026-03-05T10:00:00Z", "sms"),
      sent("c3", "2026-03-06T10:00:00Z", "in_app"),
    ];
    test.each([
      [undefined, 4, 3], // every channel: c1 ×2, c2, c3
      ["email", 1, 1] as const, // c1
      ["sms", 2, 2] as const, // c1, c2
      ["push", 0, 0] as const, // nobody
    ])("channel %s → %i contacts, %i customers", async (channel, contacts, customers) => {
      expect(await countsFor(events, channel)).toEqual([contacts, customers]);
    });
  });

  test("another workspace's sends are ignored", async () => {
    const other = await createWorkspaceWith(db.current.prisma, [
      sent("c1", "2026-03-03T10:00:00Z"),
      sent("c2", "2026-03-03T10:00:00Z"),
    ]);
    expect(other).toBeGreaterThan(0);
    expect(await countsFor([sent("c1", "2026-03-04T10:00:00Z")])).toEqual([1, 1]);
  });
});
