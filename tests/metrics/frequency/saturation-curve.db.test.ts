import { describe, expect, test } from "vitest";

import type { Channel } from "@/lib/generated/prisma/client";
import { getSaturationCurve } from "@/lib/server/metrics/frequency/get-saturation-curve";

import { consent, createWorkspaceWith, type FixtureEvent, sent } from "../../helpers/fixtures";
import { FROM, reportWindow, TO } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";

import { click, DAY, engagedSends, HOUR, sends } from "./fixture-helpers";

const db = setupTestDatabase();

async function curveOf(events: FixtureEvent[], channel?: Channel) {
  const workspaceId = await createWorkspaceWith(db.current.prisma, events);
  return getSaturationCurve(db.current.prisma, { ...reportWindow(workspaceId), channel });
}

describe("getSaturationCurve", () => {
  test("engaged: a click on the same message in [sent, sent + 7 days)", async () => {
    const at = "2026-03-03T10:00:00.000Z";
    const send = (customer: string) => sent(customer, at);
    const result = await curveOf([
      send("e1"),
      click(send("e1"), 7 * DAY), //                      exactly 7 days later: not engaged
      send("e2"),
      click(send("e2"), 7 * DAY - 1), //                  7 days − 1 ms: engaged
      send("e3"),
      { ...click(send("e3"), HOUR), messageId: "other" }, // another message: not engaged
      send("e4"),
      click(send("e4"), 0), //                            at the send's instant: engaged
      send("e5"),
      click(send("e5"), -1), //                           before the send: not engaged
    ]);
    // all five have 1 contact → (0,1]: 5 contacts, 2 engaged
    expect(result.buckets[0]).toMatchObject({
      customers: 5,
      contacts: 5,
      engagedContacts: 2,
      clickRate: 0.4,
    });
  });

  test("unsubscribe and complaint shares count those events in the window on any channel, also under a channel filter", async () => {
    const events = [
      ...sends("u1", 2),
      consent("unsubscribed", "u1", "2026-03-05T00:00:00Z", "sms"), //  in the window, other channel: counts
      ...sends("u2", 2),
      consent("unsubscribed", "u2", "2026-03-01T00:00:00Z"), //         before the window
      ...sends("u3", 2),
      consent("complained", "u3", "2026-03-10T00:00:00Z"), //           a complaint
      ...sends("u4", 2),
      consent("unsubscribed", "u4", TO, "sms"), //                      at `to`: outside
      consent("consent_withdrawn", "u4", FROM), //                      not an `unsubscribed`
      ...sends("u5", 2, "sms"),
      consent("unsubscribed", "u5", "2026-03-05T00:00:00Z", "email"),
    ];
    // every channel: u1…u5 in (0,1]; unsubscribed u1, u5; complained u3
    const all = await curveOf(events);
    expect(all.buckets[0]).toMatchObject({
      customers: 5,
      unsubscribedCustomers: 2,
      unsubscribeShare: 0.4,
      complainedCustomers: 1,
      complaintShare: 0.2,
    });
    // email: u5 is not contacted on email; u1's sms unsubscribe still counts
    const email = await curveOf(events, "email");
    expect(email.buckets[0]).toMatchObject({
      customers: 4,
      unsubscribedCustomers: 1,
      unsubscribeShare: 0.25,
      complaintShare: 0.25,
    });
  });

  test("empty buckets have null rates, not 0", async () => {
    const result = await curveOf(sends("c1", 2));
    expect(result.buckets[1]).toEqual({
      bucket: "1-2",
      customers: 0,
      contacts: 0,
      engagedContacts: 0,
      clickRate: null,
      unsubscribedCustomers: 0,
      unsubscribeShare: null,
      complainedCustomers: 0,
      complaintShare: null,
    });
  });

  describe("fatigue point", () => {
    test("the first bucket with a click rate below half of (0,1]'s", async () => {
      // (0,1]: a1 2/2 engaged, a2 1/2 → 3/4; (1,2]: b1 1 of 3 → 1/3 < 3/8
      const [b1First, ...b1Rest] = sends("b1", 3);
      const [a2First, a2Second] = sends("a2", 2);
      const result = await curveOf([
        ...engagedSends("a1", 2),
        a2First,
        a2Second,
        click(a2First, HOUR),
        b1First,
        click(b1First, HOUR),
        ...b1Rest,
      ]);
      expect(result.buckets[0].clickRate).toBe(0.75);
      expect(result.fatiguePoint).toEqual({ bucket: "1-2", recommendedWeeklyCap: 1, reasons: ["clickRate"] });
    });

    test("by unsubscribe share more than twice (0,1]'s, skipping empty buckets; exactly twice is not more", async () => {
      const unsubscribed = (customer: string) => consent("unsubscribed", customer, "2026-03-05T00:00:00Z");
      // every contact engaged, so click rates never qualify
      const result = await curveOf([
        ...["a1", "a2", "a3", "a4"].flatMap((c) => engagedSends(c, 2)), // (0,1]: 1 of 4 unsubscribed = 0.25
        unsubscribed("a1"),
        ...engagedSends("b1", 6), //                                      (2,3]: 0 of 1; (1,2] empty
        ...engagedSends("c1", 8), //                                      (3,5]: 1 of 2 = 0.5, exactly twice
        ...engagedSends("c2", 8),
        unsubscribed("c1"),
        ...engagedSends("d1", 14), //                                     (5,7] (7.0 a week): 1 of 1 > 0.5
        unsubscribed("d1"),
      ]);
      expect(result.buckets.map((b) => b.customers)).toEqual([4, 0, 1, 2, 1, 0]);
      expect(result.fatiguePoint).toEqual({
        bucket: "5-7",
        recommendedWeeklyCap: 5,
        reasons: ["unsubscribeShare"],
      });
    });

    test("none when no bucket qualifies (a click rate of exactly half is not below half)", async () => {
      // (0,1]: rate 1; (1,2]: b1 4 contacts, 2 engaged → 0.5
      const b1 = sends("b1", 4);
      const result = await curveOf([...engagedSends("a1", 2), ...b1, click(b1[0], HOUR), click(b1[1], HOUR)]);
      expect(result.buckets[1].clickRate).toBe(0.5);
      expect(result.fatiguePoint).toBeNull();
    });

    test("none when (0,1] is empty", async () => {
      const result = await curveOf([...sends("b1", 3), ...sends("c1", 15)]);
      expect(result.buckets[0].customers).toBe(0);
      expect(result.fatiguePoint).toBeNull();
    });
  });
});
