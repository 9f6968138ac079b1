import { describe, expect, test } from "vitest";

import type { MetricParams } from "@/lib/server/metrics/common/metric-params";
import { getLifecycleChecks } from "@/lib/server/metrics/journeys/get-lifecycle-checks";
import { listNotLetGo } from "@/lib/server/metrics/journeys/list-not-let-go";
import { listNotWelcomed } from "@/lib/server/metrics/journeys/list-not-welcomed";

import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

const db = setupTestDatabase();

// The window is [2026-03-02, 2026-03-16). Lifecycle checks read the derived Customer rows
// (first event, signupDate trait), so these fixtures go through real ingestion.
type Raw = Record<string, unknown>;

let sends = 0;
const seen = (customerId: string, timestamp: string): Raw => ({ type: "page_viewed", customerId, timestamp });
const signup = (customerId: string, timestamp: string, signupDate: string, country = "DK"): Raw => ({
  type: "customer_updated",
  customerId,
  timestamp,
  traits: { signupDate, country },
});
const send = (customerId: string, timestamp: string, messageKind?: string, channel = "email"): Raw => {
  sends += 1;
  return {
    type: "message_sent",
    customerId,
    timestamp,
    channel,
    messageId: `m${sends}`,
    ...(messageKind ? { messageKind } : {}),
  };
};
const consent = (type: string, customerId: string, timestamp: string, channel?: string): Raw => ({
  type,
  customerId,
  timestamp,
  ...(channel ? { channel } : {}),
});

async function load(events: Raw[]): Promise<MetricParams> {
  const { workspaceId } = await loadDataset(db.current.prisma, events);
  return reportWindow(workspaceId);
}

const WELCOME_WORLD: Raw[] = [
  // n1: joined 03-03 10:00 (first event); welcome exactly 7 × 24 h later → too late.
  seen("n1", "2026-03-03T10:00:00.000Z"),
  send("n1", "2026-03-10T10:00:00.000Z", "lifecycle"),
  // n2: a welcome 1 ms before the 7 days are up → welcomed (by sms).
  seen("n2", "2026-03-03T10:00:00.000Z"),
  send("n2", "2026-03-10T09:59:59.999Z", "lifecycle", "sms"),
  // n3: only a promotional send → not welcomed.
  seen("n3", "2026-03-03T10:00:00.000Z"),
  send("n3", "2026-03-04T10:00:00.000Z", "promotional"),
  // n4: first event before the window → not new.
  seen("n4", "2026-03-01T23:00:00.000Z"),
  // n5: first event at the window's end → not new.
  seen("n5", "2026-03-16T00:00:00.000Z"),
  // n6: first event in the window, but signed up on 03-01 → joined before the window.
  seen("n6", "2026-03-03T10:00:00.000Z"),
  signup("n6", "2026-03-03T10:00:00.000Z", "2026-03-01"),
  // n7: signed up in the window, but seen long before → joined before the window.
  seen("n7", "2026-02-20T10:00:00.000Z"),
  signup("n7", "2026-03-05T10:00:00.000Z", "2026-03-05"),
  // n8: first event 03-05 12:00 with signupDate 03-05 → joined 03-05 00:00; the welcome at
  // 03-12 01:00 is 7 days 1 hour after joining → not welcomed.
  signup("n8", "2026-03-05T12:00:00.000Z", "2026-03-05"),
  send("n8", "2026-03-12T01:00:00.000Z", "lifecycle"),
];

describe("not welcomed", () => {
  test("new customers without a lifecycle send within 7 days of joining; exactly 7 days is too late", async () => {
    const params = await load(WELCOME_WORLD);
    // New: n1, n2, n3, n8. Not welcomed: n1, n3, n8.
    const checks = await getLifecycleChecks(db.current.prisma, params);
    expect(checks.notWelcomed).toEqual({ newCustomers: 4, customers: 3, share: 0.75 });
    const list = await listNotWelcomed(db.current.prisma, params);
    expect(list).toEqual({
      total: 3,
      rows: [
        {
          customerId: "n1",
          joinedAt: "2026-03-03T10:00:00.000Z",
          firstSeenAt: "2026-03-03T10:00:00.000Z",
          signupDate: null,
        },
        {
          customerId: "n3",
          joinedAt: "2026-03-03T10:00:00.000Z",
          firstSeenAt: "2026-03-03T10:00:00.000Z",
          signupDate: null,
        },
        {
          customerId: "n8",
          joinedAt: "2026-03-05T00:00:00.000Z",
          firstSeenAt: "2026-03-05T12:00:00.000Z",
          signupDate: "2026-03-05",
        },
      ],
    });
  });

  test("with a channel filter only a welcome on that channel counts", async () => {
    const params = await load(WELCOME_WORLD);
    const checks = await getLifecycleChecks(db.current.prisma, { ...params, channel: "email" });
    // n2 was welcomed by sms only.
    expect(checks.notWelcomed).toEqual({ newCustomers: 4, customers: 4, share: 1 });
  });

  test("a signupDate starts at midnight in the workspace's time zone", async () => {
    const params = await load([
      // Seen 03-02 10:00 UTC, signed up 2026-03-02: midnight UTC is in the window; midnight in
      // Copenhagen (03-01 23:00 UTC) is before it.
      signup("t1", "2026-03-02T10:00:00.000Z", "2026-03-02"),
    ]);
    const utc = await getLifecycleChecks(db.current.prisma, params);
    expect(utc.notWelcomed.newCustomers).toBe(1);
    const copenhagen = await getLifecycleChecks(db.current.prisma, {
      ...params,
      timeZone: "Europe/Copenhagen",
    });
    expect(copenhagen.notWelcomed.newCustomers).toBe(0);
  });

  test("no new customers gives a null share, never 0", async () => {
    const params = await load([
      seen("old", "2026-02-01T10:00:00.000Z"),
      seen("old", "2026-03-03T10:00:00.000Z"),
    ]);
    expect((await getLifecycleChecks(db.current.prisma, params)).notWelcomed).toEqual({
      newCustomers: 0,
      customers: 0,
      share: null,
    });
  });

  test("lists page by joining time and report the total on every page", async () => {
    const params = await load(WELCOME_WORLD);
    const page = await listNotWelcomed(db.current.prisma, { ...params, limit: 1, offset: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.customerId)).toEqual(["n8"]);
    expect(await listNotWelcomed(db.current.prisma, { ...params, limit: 10, offset: 5 })).toEqual({
      total: 3,
      rows: [],
    });
  });
});

const LET_GO_WORLD: Raw[] = [
  // g1: unsubscribed from everything, then a promotional e-mail → not let go.
  consent("unsubscribed", "g1", "2026-03-03T10:00:00.000Z"),
  send("g1", "2026-03-04T10:00:00.000Z", "promotional"),
  // g2: unsubscribed from e-mail only → an e-mail is a contact after opt-out, but not this.
  consent("unsubscribed", "g2", "2026-03-03T10:00:00.000Z", "email"),
  send("g2", "2026-03-04T10:00:00.000Z", "promotional"),
  // g3: unsubscribed everywhere, then granted sms → no longer opted out of every channel.
  consent("unsubscribed", "g3", "2026-03-03T10:00:00.000Z"),
  consent("consent_granted", "g3", "2026-03-04T10:00:00.000Z", "sms"),
  send("g3", "2026-03-05T10:00:00.000Z", "promotional"),
  // g4: a complaint without channel; lifecycle and transactional sends and a send at the
  // complaint's instant do not count; a promotional send and one without kind do → 2.
  consent("complained", "g4", "2026-03-03T10:00:00.000Z"),
  send("g4", "2026-03-03T10:00:00.000Z", "promotional"),
  send("g4", "2026-03-04T10:00:00.000Z", "lifecycle"),
  send("g4", "2026-03-04T11:00:00.000Z", "transactional"),
  send("g4", "2026-03-05T10:00:00.000Z", "promotional"),
  send("g4", "2026-03-06T10:00:00.000Z"),
  // g5: unsubscribed everywhere long before the window; an sms in it → 1.
  consent("unsubscribed", "g5", "2026-02-01T10:00:00.000Z"),
  send("g5", "2026-03-04T10:00:00.000Z", "promotional", "sms"),
  // g6: unsubscribe and grant (both without channel) at one instant → the opt-out wins → 1.
  consent("unsubscribed", "g6", "2026-03-03T10:00:00.000Z"),
  consent("consent_granted", "g6", "2026-03-03T10:00:00.000Z"),
  send("g6", "2026-03-04T10:00:00.000Z", "promotional"),
  // g7: everywhere-out, e-mail granted, e-mail unsubscribed again → out everywhere again → 1.
  consent("consent_withdrawn", "g7", "2026-03-03T10:00:00.000Z"),
  consent("consent_granted", "g7", "2026-03-04T10:00:00.000Z", "email"),
  consent("unsubscribed", "g7", "2026-03-05T10:00:00.000Z", "email"),
  send("g7", "2026-03-06T10:00:00.000Z", "promotional", "sms"),
  // g8: everywhere-out, then granted everywhere → let go properly, then welcome back.
  consent("unsubscribed", "g8", "2026-03-03T10:00:00.000Z"),
  consent("consent_granted", "g8", "2026-03-04T10:00:00.000Z"),
  send("g8", "2026-03-05T10:00:00.000Z", "promotional"),
];

describe("not let go", () => {
  test("promotional contacts while opted out of every channel, not after a per-channel unsubscribe", async () => {
    const params = await load(LET_GO_WORLD);
    const checks = await getLifecycleChecks(db.current.prisma, params);
    // g1 1, g4 2, g5 1, g6 1, g7 1.
    expect(checks.notLetGo).toEqual({ customers: 5, contacts: 6 });
    const list = await listNotLetGo(db.current.prisma, params);
    expect(list.total).toBe(5);
    expect(list.rows.map((row) => [row.customerId, row.contacts])).toEqual([
      ["g4", 2],
      ["g1", 1],
      ["g5", 1],
      ["g6", 1],
      ["g7", 1],
    ]);
    expect(list.rows[0]).toEqual({
      customerId: "g4",
      contacts: 2,
      firstContactAt: "2026-03-05T10:00:00.000Z",
      lastContactAt: "2026-03-06T10:00:00.000Z",
      optedOutAt: "2026-03-03T10:00:00.000Z",
    });
  });

  test("the channel filter restricts the contacts", async () => {
    const params = await load(LET_GO_WORLD);
    const checks = await getLifecycleChecks(db.current.prisma, { ...params, channel: "sms" });
    expect(checks.notLetGo).toEqual({ customers: 2, contacts: 2 }); // g5, g7
  });
});

test("a segment restricts both checks to its customers", async () => {
  const params = await load([
    signup("dk", "2026-03-03T10:00:00.000Z", "2026-03-03", "DK"),
    consent("unsubscribed", "dk", "2026-03-03T11:00:00.000Z"),
    send("dk", "2026-03-04T10:00:00.000Z", "promotional"),
    signup("se", "2026-03-03T10:00:00.000Z", "2026-03-03", "SE"),
    consent("unsubscribed", "se", "2026-03-03T11:00:00.000Z"),
    send("se", "2026-03-04T10:00:00.000Z", "promotional"),
  ]);
  const checks = await getLifecycleChecks(db.current.prisma, {
    ...params,
    segment: { field: "trait", key: "country", op: "eq", value: "DK" },
  });
  expect(checks).toEqual({
    notWelcomed: { newCustomers: 1, customers: 1, share: 1 },
    notLetGo: { customers: 1, contacts: 1 },
  });
});
