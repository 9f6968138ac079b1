import { describe, expect, test } from "vitest";

import type { Channel } from "@/lib/generated/prisma/client";
import { getContactsAfterOptOut } from "@/lib/server/metrics/frequency/get-contacts-after-opt-out";
import { listContactsAfterOptOut } from "@/lib/server/metrics/frequency/list-contacts-after-opt-out";

import { consent, createWorkspaceWith, type FixtureEvent, sent } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";

const db = setupTestDatabase();

const sentIn = (campaignId: string | undefined, ...args: Parameters<typeof sent>): FixtureEvent => ({
  ...sent(...args),
  campaignId,
});

// Violations (delay from the latest opt-out to the send):
//   v1 email 03-03 12:00 spring  2 h = 1/12 d   → bin < 1 d
//   v1 email 03-10 10:00 spring  exactly 7 d    → bin 7–30 d
//   v2 sms   03-05 00:00 (none)  94 d           → bin ≥ 90 d   (channel-less complaint 2025-12-01)
//   v2 push  03-06 00:00 spring  95 d           → bin ≥ 90 d
//   v3 sms   03-02 00:00 autumn  exactly 1 d ×2 → bin 1–7 d
// Not violations: v4 re-consented; v5 sent at the very instant of its opt-out.
const events: FixtureEvent[] = [
  consent("unsubscribed", "v1", "2026-03-03T10:00:00Z", "email"),
  sentIn("spring", "v1", "2026-03-03T12:00:00Z", "email"),
  sentIn("spring", "v1", "2026-03-10T10:00:00Z", "email"),
  consent("complained", "v2", "2025-12-01T00:00:00Z"),
  sentIn(undefined, "v2", "2026-03-05T00:00:00Z", "sms"),
  sentIn("spring", "v2", "2026-03-06T00:00:00Z", "push"),
  consent("unsubscribed", "v3", "2026-03-01T00:00:00Z", "sms"),
  sentIn("autumn", "v3", "2026-03-02T00:00:00Z", "sms"),
  sentIn("autumn", "v3", "2026-03-02T00:00:00Z", "sms"),
  consent("unsubscribed", "v4", "2026-03-03T00:00:00Z"),
  consent("consent_granted", "v4", "2026-03-04T00:00:00Z"),
  sentIn("spring", "v4", "2026-03-05T00:00:00Z", "email"),
  consent("unsubscribed", "v5", "2026-03-05T00:00:00Z"),
  sentIn("spring", "v5", "2026-03-05T00:00:00Z", "email"),
];

async function reportOf(channel?: Channel) {
  const workspaceId = await createWorkspaceWith(db.current.prisma, events);
  return getContactsAfterOptOut(db.current.prisma, { ...reportWindow(workspaceId), channel });
}

describe("contacts after opt-out, full report", () => {
  test("count, customers, per channel and per campaign", async () => {
    const report = await reportOf();
    expect([report.contacts, report.customers]).toEqual([6, 3]);
    expect(report.byChannel).toEqual([
      { channel: "email", contacts: 2, customers: 1 },
      { channel: "sms", contacts: 3, customers: 2 },
      { channel: "push", contacts: 1, customers: 1 },
    ]);
    // most contacts first; a send without a campaign last
    expect(report.byCampaign).toEqual([
      { campaignId: "spring", contacts: 3, customers: 2 },
      { campaignId: "autumn", contacts: 2, customers: 1 },
      { campaignId: null, contacts: 1, customers: 1 },
    ]);
  });

  test("delay since the latest opt-out: median, max and bins with lower bounds inclusive", async () => {
    // delays 1/12, 1, 1, 7, 94, 95 days → median (1 + 7) / 2 = 4
    const { delay } = await reportOf();
    expect(delay.medianDays).toBeCloseTo(4, 12);
    expect(delay.maxDays).toBeCloseTo(95, 12);
    expect(delay.bins).toEqual([
      { bin: "0-1", contacts: 1 },
      { bin: "1-7", contacts: 2 },
      { bin: "7-30", contacts: 1 },
      { bin: "30-90", contacts: 0 },
      { bin: "90+", contacts: 2 },
    ]);
  });

  test("the channel filter restricts the sends", async () => {
    const report = await reportOf("sms");
    expect([report.contacts, report.customers]).toEqual([3, 2]);
    expect(report.byChannel.map((row) => row.channel)).toEqual(["sms"]);
    expect(report.delay.bins.map((bin) => bin.contacts)).toEqual([0, 2, 0, 0, 1]);
  });

  test("no violations: zeros, empty breakdowns and null delays", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, [sent("c1", "2026-03-03T10:00:00Z")]);
    expect(await getContactsAfterOptOut(db.current.prisma, reportWindow(workspaceId))).toEqual({
      contacts: 0,
      customers: 0,
      byChannel: [],
      byCampaign: [],
      delay: {
        medianDays: null,
        maxDays: null,
        bins: ["0-1", "1-7", "7-30", "30-90", "90+"].map((bin) => ({ bin, contacts: 0 })),
      },
    });
  });
});

describe("listContactsAfterOptOut", () => {
  test("newest send first, ties by event id; every field, with the total", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const list = await listContactsAfterOptOut(db.current.prisma, {
      ...reportWindow(workspaceId),
      limit: 50,
      offset: 0,
    });
    expect(list.total).toBe(6);
    expect(list.rows.map((row) => [row.customerId, row.sentAt])).toEqual([
      ["v1", "2026-03-10T10:00:00.000Z"],
      ["v2", "2026-03-06T00:00:00.000Z"],
      ["v2", "2026-03-05T00:00:00.000Z"],
      ["v1", "2026-03-03T12:00:00.000Z"],
      ["v3", "2026-03-02T00:00:00.000Z"],
      ["v3", "2026-03-02T00:00:00.000Z"],
    ]);
    expect(BigInt(list.rows[4].eventId) < BigInt(list.rows[5].eventId)).toBe(true);
    expect(list.rows[2]).toEqual({
      eventId: expect.stringMatching(/^\d+$/),
      customerId: "v2",
      sentAt: "2026-03-05T00:00:00.000Z",
      channel: "sms",
      campaignId: null,
      messageId: "m-v2-2026-03-05T00:00:00Z",
      optedOutAt: "2025-12-01T00:00:00.000Z",
      delayDays: 94,
    });
  });

  test("pages keep the total; a page past the end is empty", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const page = (limit: number, offset: number) =>
      listContactsAfterOptOut(db.current.prisma, { ...reportWindow(workspaceId), limit, offset });
    const second = await page(2, 4);
    expect([second.total, second.rows.map((row) => row.customerId)]).toEqual([6, ["v3", "v3"]]);
    expect(await page(10, 6)).toEqual({ total: 6, rows: [] });
    await expect(page(0, 0)).rejects.toThrow(RangeError);
  });
});
