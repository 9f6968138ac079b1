import { describe, expect, test } from "vitest";

import type { FunnelStep } from "@/lib/metrics/journeys";
import { getFunnel, type FunnelMetricParams } from "@/lib/server/metrics/journeys/get-funnel";
import { listFunnelCustomers } from "@/lib/server/metrics/journeys/list-funnel-customers";

import { createWorkspaceWith, type FixtureEvent } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

const db = setupTestDatabase();

// The window is [2026-03-02, 2026-03-16).
const SENT_CLICKED_BOUGHT: FunnelStep[] = [
  { type: "message_sent" },
  { type: "message_clicked" },
  { type: "purchased" },
];

const ev = (
  type: FixtureEvent["type"],
  customer: string,
  at: string,
  extra: Partial<FixtureEvent> = {},
): FixtureEvent => ({ type, customer, at, channel: type.startsWith("message_") ? "email" : null, ...extra });

async function funnelOf(
  events: FixtureEvent[],
  steps: FunnelStep[],
  extra: Partial<FunnelMetricParams> = {},
) {
  const workspaceId = await createWorkspaceWith(db.current.prisma, events);
  return getFunnel(db.current.prisma, { ...reportWindow(workspaceId), steps, ...extra });
}

const customersPerStep = (result: Awaited<ReturnType<typeof getFunnel>>) =>
  result.steps.map((s) => s.customers);

/** Four customers: c1 and c4 reach a purchase, c2 a click, c3 only the send. */
const STORY = [
  // c1: sent → clicked 1 h later → bought 1 day later.
  ev("message_sent", "c1", "2026-03-03T10:00:00Z"),
  ev("message_clicked", "c1", "2026-03-03T11:00:00Z"),
  ev("purchased", "c1", "2026-03-04T11:00:00Z"),
  // c2: sent → clicked 3 h later.
  ev("message_sent", "c2", "2026-03-05T10:00:00Z"),
  ev("message_clicked", "c2", "2026-03-05T13:00:00Z"),
  // c3: sent only.
  ev("message_sent", "c3", "2026-03-06T10:00:00Z"),
  // c4: clicked at the very instant of the send ("at or after"), bought 2 h later.
  ev("message_sent", "c4", "2026-03-07T10:00:00Z"),
  ev("message_clicked", "c4", "2026-03-07T10:00:00Z"),
  ev("purchased", "c4", "2026-03-07T12:00:00Z"),
];

describe("funnel", () => {
  test("counts customers per step with conversions and median seconds from the previous step", async () => {
    const result = await funnelOf(STORY, SENT_CLICKED_BOUGHT);
    // Step 2 gaps 3600, 10800, 0 → median 3600; step 3 gaps 86400, 7200 → mean of the two, 46800.
    expect(result.conversionWindowDays).toBe(14);
    expect(result.steps).toEqual([
      {
        step: 1,
        definition: { type: "message_sent" },
        customers: 4,
        conversionFromFirst: 1,
        conversionFromPrevious: null,
        medianSecondsFromPrevious: null,
      },
      {
        step: 2,
        definition: { type: "message_clicked" },
        customers: 3,
        conversionFromFirst: 0.75,
        conversionFromPrevious: 0.75,
        medianSecondsFromPrevious: 3600,
      },
      {
        step: 3,
        definition: { type: "purchased" },
        customers: 2,
        conversionFromFirst: 0.5,
        conversionFromPrevious: 2 / 3,
        medianSecondsFromPrevious: 46800,
      },
    ]);
  });

  test("nobody entering gives zero counts and null rates, never 0", async () => {
    const result = await funnelOf([ev("purchased", "c1", "2026-03-03T10:00:00Z")], SENT_CLICKED_BOUGHT);
    expect(result.steps.map((s) => [s.customers, s.conversionFromFirst, s.conversionFromPrevious])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
  });

  test("one event cannot fill two steps, also when two steps of the same type share an instant", async () => {
    const clickedTwice: FunnelStep[] = [{ type: "message_clicked" }, { type: "message_clicked" }];
    const result = await funnelOf(
      [
        ev("message_clicked", "c1", "2026-03-03T10:00:00Z"), // one click: step 1 only
        ev("message_clicked", "c2", "2026-03-03T10:00:00Z"), // two clicks at one instant: both steps
        ev("message_clicked", "c2", "2026-03-03T10:00:00Z"),
      ],
      clickedTwice,
    );
    expect(customersPerStep(result)).toEqual([2, 1]);
    expect(result.steps[1].medianSecondsFromPrevious).toBe(0);
  });

  test("at one instant the event with the smaller event key fills a step first", async () => {
    // Step 2 wants an e-mail click. c1's sms click (key a…) takes step 1, leaving the e-mail
    // click for step 2; c2's e-mail click has the smaller key, takes step 1, and step 2 is left
    // with nothing.
    const steps: FunnelStep[] = [{ type: "message_clicked" }, { type: "message_clicked", channel: "email" }];
    const at = "2026-03-03T10:00:00Z";
    const result = await funnelOf(
      [
        ev("message_clicked", "c1", at, { channel: "sms", key: "a-c1" }),
        ev("message_clicked", "c1", at, { channel: "email", key: "b-c1" }),
        ev("message_clicked", "c2", at, { channel: "email", key: "a-c2" }),
        ev("message_clicked", "c2", at, { channel: "sms", key: "b-c2" }),
      ],
      steps,
    );
    expect(customersPerStep(result)).toEqual([2, 1]);
  });

  test("steps count only in order: a purchase before the click does not fill step 3", async () => {
    const result = await funnelOf(
      [
        // c1: bought before clicking, never after → reaches step 2.
        ev("message_sent", "c1", "2026-03-03T10:00:00Z"),
        ev("purchased", "c1", "2026-03-04T10:00:00Z"),
        ev("message_clicked", "c1", "2026-03-05T10:00:00Z"),
        // c2: bought 1 h before the click and again 2 days after it → the later one fills step 3.
        ev("message_sent", "c2", "2026-03-03T10:00:00Z"),
        ev("purchased", "c2", "2026-03-04T09:00:00Z"),
        ev("message_clicked", "c2", "2026-03-04T10:00:00Z"),
        ev("purchased", "c2", "2026-03-06T10:00:00Z"),
      ],
      SENT_CLICKED_BOUGHT,
    );
    expect(customersPerStep(result)).toEqual([2, 2, 1]);
    expect(result.steps[2].medianSecondsFromPrevious).toBe(2 * 86_400);
  });

  test("every step must happen before entry + W: exactly at entry + W is out", async () => {
    const sentThenBought: FunnelStep[] = [{ type: "message_sent" }, { type: "purchased" }];
    const result = await funnelOf(
      [
        ev("message_sent", "c1", "2026-03-03T10:00:00.000Z"),
        ev("purchased", "c1", "2026-03-04T10:00:00.000Z"), // exactly 24 h: out
        ev("message_sent", "c2", "2026-03-03T10:00:00.000Z"),
        ev("purchased", "c2", "2026-03-04T09:59:59.999Z"), // 1 ms before: in
      ],
      sentThenBought,
      { conversionWindowDays: 1 },
    );
    expect(customersPerStep(result)).toEqual([2, 1]);
  });

  test("the conversion window runs from the entry, not from the previous step", async () => {
    const result = await funnelOf(
      [
        ev("message_sent", "c1", "2026-03-03T10:00:00Z"),
        ev("message_clicked", "c1", "2026-03-04T09:00:00Z"), // 23 h after entry: in
        ev("purchased", "c1", "2026-03-04T11:00:00Z"), //       25 h after entry: out
      ],
      SENT_CLICKED_BOUGHT,
      { conversionWindowDays: 1 },
    );
    expect(customersPerStep(result)).toEqual([1, 1, 0]);
  });

  test("customers enter only at their first S1 in the window, even if a later S1 would convert", async () => {
    const result = await funnelOf(
      [
        // c1: first send before the window → does not enter there; enters at 03-03, no click.
        ev("message_sent", "c1", "2026-03-01T10:00:00Z"),
        ev("message_clicked", "c1", "2026-03-01T11:00:00Z"),
        ev("message_sent", "c1", "2026-03-03T10:00:00Z"),
        // c2: enters at 03-03; the click after its second send is past entry + 1 day.
        ev("message_sent", "c2", "2026-03-03T10:00:00Z"),
        ev("message_sent", "c2", "2026-03-10T10:00:00Z"),
        ev("message_clicked", "c2", "2026-03-10T11:00:00Z"),
        // c3: only a send before the window → never enters, though it clicked in the window.
        ev("message_sent", "c3", "2026-03-01T10:00:00Z"),
        ev("message_clicked", "c3", "2026-03-03T10:00:00Z"),
      ],
      [{ type: "message_sent" }, { type: "message_clicked" }],
      { conversionWindowDays: 1 },
    );
    expect(customersPerStep(result)).toEqual([2, 0]);
  });

  test("later steps may happen after the window's end; an entry at the end does not count", async () => {
    const result = await funnelOf(
      [
        ev("message_sent", "c1", "2026-03-15T23:00:00Z"),
        ev("message_clicked", "c1", "2026-03-16T01:00:00Z"), // after `to`: still converts
        ev("message_sent", "c2", "2026-03-16T00:00:00Z"), //    at `to`: outside the window
        ev("message_clicked", "c2", "2026-03-16T00:30:00Z"),
      ],
      [{ type: "message_sent" }, { type: "message_clicked" }],
    );
    expect(customersPerStep(result)).toEqual([1, 1]);
  });

  test("steps filter by channel, topic (own or one of the topics) and messageKind", async () => {
    const steps: FunnelStep[] = [
      { type: "message_sent", channel: "email", topic: "running", messageKind: "promotional" },
      { type: "message_clicked", topic: "running" },
      { type: "purchased", topic: "running" },
    ];
    const at = "2026-03-03T10:00:00Z";
    const result = await funnelOf(
      [
        ev("message_sent", "c1", at, { channel: "sms", topic: "running", messageKind: "promotional" }), // wrong channel
        ev("message_sent", "c2", at, { topic: "running", messageKind: "lifecycle" }), //                   wrong kind
        ev("message_sent", "c4", at, { topic: "yoga", messageKind: "promotional" }), //                    wrong topic
        // c3: a send without a kind is promotional; click on running; a purchase with running among its topics.
        ev("message_sent", "c3", at, { topic: "running", messageKind: null }),
        ev("message_clicked", "c3", "2026-03-03T11:00:00Z", { topic: "running" }),
        ev("purchased", "c3", "2026-03-04T10:00:00Z", { topics: ["yoga", "running"] }),
        // c5: enters, but clicks on yoga.
        ev("message_sent", "c5", at, { topic: "running", messageKind: "promotional" }),
        ev("message_clicked", "c5", "2026-03-03T11:00:00Z", { topic: "yoga" }),
      ],
      steps,
    );
    expect(customersPerStep(result)).toEqual([2, 1, 1]);
  });

  test("the channel filter narrows message_sent steps only, not clicks", async () => {
    const result = await funnelOf(
      [
        ev("message_sent", "c1", "2026-03-03T10:00:00Z", { channel: "email" }), // not an sms send
        ev("message_clicked", "c1", "2026-03-03T11:00:00Z", { channel: "email" }),
        ev("message_sent", "c2", "2026-03-03T10:00:00Z", { channel: "sms" }),
        ev("message_clicked", "c2", "2026-03-03T11:00:00Z", { channel: "email" }), // clicks are not filtered
      ],
      [{ type: "message_sent" }, { type: "message_clicked" }],
      { channel: "sms" },
    );
    expect(customersPerStep(result)).toEqual([1, 1]);
  });

  test("a segment restricts the customers", async () => {
    const raw = (customerId: string, country: string) => [
      { type: "customer_updated", customerId, timestamp: "2026-02-01T00:00:00Z", traits: { country } },
      {
        type: "message_sent",
        customerId,
        timestamp: "2026-03-03T10:00:00Z",
        channel: "email",
        messageId: "m1",
      },
      {
        type: "message_clicked",
        customerId,
        timestamp: "2026-03-03T11:00:00Z",
        channel: "email",
        messageId: "m1",
      },
    ];
    const { workspaceId } = await loadDataset(db.current.prisma, [...raw("dk1", "DK"), ...raw("se1", "SE")]);
    const result = await getFunnel(db.current.prisma, {
      ...reportWindow(workspaceId),
      steps: [{ type: "message_sent" }, { type: "message_clicked" }],
      segment: { field: "trait", key: "country", op: "eq", value: "DK" },
    });
    expect(customersPerStep(result)).toEqual([1, 1]);
  });

  test("rejects fewer than 2 or more than 8 steps", async () => {
    const params = { ...reportWindow(1), steps: [{ type: "message_sent" as const }] };
    await expect(getFunnel(db.current.prisma, params)).rejects.toThrow(RangeError);
    const nine = Array.from({ length: 9 }, () => ({ type: "purchased" as const }));
    await expect(getFunnel(db.current.prisma, { ...params, steps: nine })).rejects.toThrow(RangeError);
  });
});

describe("funnel step customers", () => {
  // The story above: c1 and c4 reach step 3, c2 step 2, c3 step 1.
  test("lists exactly the customers counted at each step, in the order they reached it", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, STORY);
    const params = { ...reportWindow(workspaceId), steps: SENT_CLICKED_BOUGHT };
    const counts = customersPerStep(await getFunnel(db.current.prisma, params));
    const lists = await Promise.all(
      [1, 2, 3].map((step) => listFunnelCustomers(db.current.prisma, { ...params, step })),
    );
    expect(lists.map((list) => list.total)).toEqual(counts);
    expect(lists.map((list) => list.rows.map((row) => row.customerId))).toEqual([
      ["c1", "c2", "c3", "c4"],
      ["c1", "c2", "c4"],
      ["c1", "c4"],
    ]);
    // c4 entered at its send and reached step 3 with its purchase two hours later.
    expect(lists[2].rows[1]).toEqual({
      customerId: "c4",
      enteredAt: "2026-03-07T10:00:00.000Z",
      reachedAt: "2026-03-07T12:00:00.000Z",
    });
  });

  test("pages through a step, and the same list comes when steps share a type", async () => {
    const workspaceId = await createWorkspaceWith(db.current.prisma, STORY);
    const sentTwice: FunnelStep[] = [{ type: "message_sent" }, { type: "message_sent" }];
    const params = { ...reportWindow(workspaceId), steps: SENT_CLICKED_BOUGHT, step: 2 };
    const second = await listFunnelCustomers(db.current.prisma, { ...params, limit: 2, offset: 2 });
    expect(second).toEqual({ total: 3, rows: [expect.objectContaining({ customerId: "c4" })] });
    // Nobody was sent two messages, so no one reaches step 2 of sent → sent.
    const none = await listFunnelCustomers(db.current.prisma, { ...params, steps: sentTwice });
    expect(none).toEqual({ total: 0, rows: [] });
  });

  test("refuses a step the funnel does not have", async () => {
    const params = { ...reportWindow(1), steps: SENT_CLICKED_BOUGHT };
    await expect(listFunnelCustomers(db.current.prisma, { ...params, step: 4 })).rejects.toThrow(RangeError);
    await expect(listFunnelCustomers(db.current.prisma, { ...params, step: 0 })).rejects.toThrow(RangeError);
  });
});
