import { describe, expect, test } from "vitest";

import { getOverviewSummary } from "@/lib/server/metrics/overview/get-overview-summary";

import { consent, createWorkspaceWith, sent } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";

const db = setupTestDatabase();

describe("getOverviewSummary", () => {
  test("returns the four numbers for the window and for the same length right before it", async () => {
    // Window [03-02, 03-16), 2 weeks; comparison window [02-16, 03-02).
    const workspaceId = await createWorkspaceWith(db.current.prisma, [
      sent("c3", "2026-02-15T23:59:59.999Z"), //         in neither window
      sent("c2", "2026-02-16T00:00:00.000Z"), //         previous (at its start)
      sent("c1", "2026-02-20T10:00:00.000Z"), //         previous
      consent("unsubscribed", "c2", "2026-03-01T10:00:00Z", "email"),
      sent("c1", "2026-03-02T00:00:00.000Z"), //         current (at `from`, so not previous)
      sent("c1", "2026-03-10T10:00:00.000Z"), //         current
      sent("c2", "2026-03-05T10:00:00.000Z"), //         current, after c2's opt-out: violation
      sent("c4", "2026-03-06T10:00:00.000Z", "email", "transactional"), // not a contact
    ]);

    const summary = await getOverviewSummary(db.current.prisma, reportWindow(workspaceId));

    expect(summary.window).toEqual({
      from: new Date("2026-03-02T00:00:00Z"),
      to: new Date("2026-03-16T00:00:00Z"),
    });
    expect(summary.comparisonWindow).toEqual({
      from: new Date("2026-02-16T00:00:00Z"),
      to: new Date("2026-03-02T00:00:00Z"),
    });
    // current: c1 ×2, c2 ×1 → 3 contacts, 2 customers; per week 1 and 0.5 → median 0.75
    expect(summary.current).toEqual({
      contacts: 3,
      contactedCustomers: 2,
      medianContactsPerWeek: 0.75,
      contactsAfterOptOut: { contacts: 1, customers: 1 },
    });
    // previous: c1, c2 once each → 0.5 per week; c2's send came before the opt-out
    expect(summary.previous).toEqual({
      contacts: 2,
      contactedCustomers: 2,
      medianContactsPerWeek: 0.5,
      contactsAfterOptOut: { contacts: 0, customers: 0 },
    });
  });

  test("an empty workspace gives zeros and a null median in both windows", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, []);
    const empty = {
      contacts: 0,
      contactedCustomers: 0,
      medianContactsPerWeek: null,
      contactsAfterOptOut: { contacts: 0, customers: 0 },
    };
    const summary = await getOverviewSummary(db.current.prisma, reportWindow(workspaceId));
    expect(summary.current).toEqual(empty);
    expect(summary.previous).toEqual(empty);
  });

  test("the channel filter applies to both windows", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, [
      sent("c1", "2026-02-20T10:00:00Z", "sms"), // previous, sms
      sent("c1", "2026-02-21T10:00:00Z", "email"), // previous, email
      sent("c1", "2026-03-03T10:00:00Z", "sms"), // current, sms
    ]);
    const summary = await getOverviewSummary(db.current.prisma, {
      ...reportWindow(workspaceId),
      channel: "email",
    });
    expect([summary.current.contacts, summary.previous.contacts]).toEqual([0, 1]);
  });

  test("uses the comparison window it is given instead of the default", async () => {
    // comparison [2026-02-01, 2026-02-08): one week holding c1's two sends → 2 per week
    const workspaceId = await createWorkspaceWith(db.current.prisma, [
      sent("c1", "2026-02-01T00:00:00Z"),
      sent("c1", "2026-02-07T23:00:00Z"),
      sent("c2", "2026-02-20T10:00:00Z"), // in the default comparison window, not in this one
    ]);
    const comparison = { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-02-08T00:00:00Z") };
    const summary = await getOverviewSummary(db.current.prisma, { ...reportWindow(workspaceId), comparison });
    expect(summary.comparisonWindow).toEqual(comparison);
    expect(summary.previous).toMatchObject({ contacts: 2, contactedCustomers: 1, medianContactsPerWeek: 2 });
  });

  test("rejects an empty comparison window", async () => {
    const at = new Date("2026-02-01T00:00:00Z");
    await expect(
      getOverviewSummary(db.current.prisma, { ...reportWindow(1), comparison: { from: at, to: at } }),
    ).rejects.toThrow(RangeError);
  });
});
