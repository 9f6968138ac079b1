import { describe, expect, test } from "vitest";

import { CHANNELS } from "@/lib/events/enums";
import type { Channel } from "@/lib/generated/prisma/client";
import type { FrequencyBreakdown } from "@/lib/metrics/frequency";
import { getFrequencyDistribution } from "@/lib/server/metrics/frequency/get-frequency-distribution";

import { createWorkspaceWith, type FixtureEvent, sent } from "../../helpers/fixtures";
import { FROM, reportWindow, TO } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

import { sends } from "./fixture-helpers";

const db = setupTestDatabase();

async function distributionOf(events: FixtureEvent[], channel?: Channel, window = reportWindow(0)) {
  const workspaceId = await createWorkspaceWith(db.current.prisma, events);
  return getFrequencyDistribution(db.current.prisma, { ...window, workspaceId, channel });
}

/** `n` sends to one customer on `channel`, a minute apart from `start`. */
function burst(customer: string, n: number, channel: Channel, start = "2026-03-03T00:00:00Z") {
  return Array.from({ length: n }, (_, i) =>
    sent(customer, new Date(Date.parse(start) + i * 60_000).toISOString(), channel),
  );
}

/** [contacts, contacted customers] per channel present. */
const perChannel = (result: { channels: (FrequencyBreakdown & { channel: string })[] }) =>
  result.channels.map((c) => [c.channel, c.contacts, c.contactedCustomers]);

/** Customers per bucket, (0,1] … (7,∞). */
const counts = (breakdown: FrequencyBreakdown) => breakdown.buckets.map((b) => b.customers);

describe("getFrequencyDistribution", () => {
  test("buckets by contacts per week, upper bounds inclusive (exactly 1.0, 3.0 and 7.0)", async () => {
    // 2-week window: c1 2 → 1.0 (0,1]; c2 3 → 1.5 and c7 4 → 2.0 (1,2]; c3 6 → 3.0 (2,3];
    // c4 7 → 3.5 (3,5]; c5 14 → 7.0 (5,7]; c6 15 → 7.5 (7,∞)
    const result = await distributionOf([
      ...sends("c1", 2),
      ...sends("c2", 3),
      ...sends("c3", 6),
      ...sends("c4", 7),
      ...sends("c5", 14),
      ...sends("c6", 15),
      ...sends("c7", 4),
    ]);
    expect(result.weeks).toBe(2);
    expect(counts(result.total)).toEqual([1, 2, 1, 1, 1, 1]);
    expect(result.total.buckets[1]).toEqual({ bucket: "1-2", customers: 2, share: 2 / 7 });
    // 51 contacts over 7 customers; per week sorted 1, 1.5, 2, 3, 3.5, 7, 7.5 → median 3
    expect(result.total).toMatchObject({ contacts: 51, contactedCustomers: 7, medianPerWeek: 3 });
    expect(result.total.meanPerWeek).toBeCloseTo(51 / 7 / 2, 12);
  });

  test("17 contacts in 17 days is exactly 7 a week: (5,7], not (7,∞)", async () => {
    // a float division would give 7.000000000000001
    const to = "2026-03-19T00:00:00.000Z";
    const events = Array.from({ length: 17 }, (_, day) =>
      sent("c1", new Date(Date.parse(FROM) + day * 86_400_000).toISOString()),
    );
    const result = await distributionOf(events, undefined, reportWindow(0, FROM, to));
    expect(counts(result.total)).toEqual([0, 0, 0, 0, 1, 0]);
  });

  test("a send at `from` counts, one at `to` does not; receipts are not contacts, a send without a kind is", async () => {
    const result = await distributionOf([
      sent("c1", FROM), //                                             contact
      sent("c1", TO), //                                               outside
      sent("c1", "2026-03-05T10:00:00Z", "email", "transactional"), // not a contact
      sent("c1", "2026-03-06T10:00:00Z", "email", null), //            contact (promotional by default)
      sent("c2", "2026-03-01T23:59:59.999Z"), //                       before the window
    ]);
    // c1: 2 contacts / 2 weeks = 1.0 → (0,1]; c2 not contacted
    expect(result.total).toMatchObject({
      contacts: 2,
      contactedCustomers: 1,
      medianPerWeek: 1,
      meanPerWeek: 1,
    });
    expect(counts(result.total)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  test("per channel: each customer's rate on a channel is their contacts on it; channels in fixed order", async () => {
    // p1: 4 email + 2 sms = 6 → 3.0; email 2.0, sms 1.0. p2: 1 push → 0.5.
    const result = await distributionOf([
      ...sends("p2", 1, "push"),
      ...sends("p1", 2, "sms"),
      ...sends("p1", 4),
    ]);
    expect(result.total).toMatchObject({
      contacts: 7,
      contactedCustomers: 2,
      medianPerWeek: 1.75,
      meanPerWeek: 1.75,
    });
    expect(counts(result.total)).toEqual([1, 0, 1, 0, 0, 0]);
    expect(
      result.channels.map((c) => [c.channel, c.contacts, c.contactedCustomers, c.medianPerWeek]),
    ).toEqual([
      ["email", 4, 1, 2],
      ["sms", 2, 1, 1],
      ["push", 1, 1, 0.5],
    ]);
    expect(counts(result.channels[0])).toEqual([0, 1, 0, 0, 0, 0]);
    expect(counts(result.channels[1])).toEqual([1, 0, 0, 0, 0, 0]);
  });

  test("the channel filter keeps only that channel's contacts", async () => {
    const result = await distributionOf(
      [...sends("p1", 4), ...sends("p1", 2, "sms"), ...sends("p2", 1, "push")],
      "sms",
    );
    expect(result.total).toMatchObject({ contacts: 2, contactedCustomers: 1, medianPerWeek: 1 });
    expect(result.channels.map((c) => c.channel)).toEqual(["sms"]);
  });

  test("nobody contacted: zeros, null median, mean and shares, no channels", async () => {
    const result = await distributionOf([sent("c1", "2026-03-03T10:00:00Z", "email", "transactional")]);
    expect(result.total).toMatchObject({
      contacts: 0,
      contactedCustomers: 0,
      medianPerWeek: null,
      meanPerWeek: null,
    });
    expect(result.total.buckets.every((b) => b.customers === 0 && b.share === null)).toBe(true);
    expect(result.channels).toEqual([]);
  });

  test("a segment keeps only its customers", async () => {
    // dk: 3 sends (1.5/week), se: 5 sends; segment country = DK → dk only
    const raw = [
      {
        type: "customer_updated",
        customerId: "dk",
        timestamp: "2026-02-01T00:00:00Z",
        traits: { country: "DK" },
      },
      {
        type: "customer_updated",
        customerId: "se",
        timestamp: "2026-02-01T00:00:00Z",
        traits: { country: "SE" },
      },
      ...[...sends("dk", 3), ...sends("se", 5)].map((s) => ({
        type: "message_sent",
        customerId: s.customer,
        timestamp: s.at,
        channel: "email",
        messageId: s.messageId,
      })),
    ];
    const { workspaceId } = await loadDataset(db.current.prisma, raw);
    const result = await getFrequencyDistribution(db.current.prisma, {
      ...reportWindow(workspaceId),
      segment: { field: "trait", key: "country", op: "eq", value: "DK" },
    });
    expect(result.total).toMatchObject({ contacts: 3, contactedCustomers: 1, medianPerWeek: 1.5 });
    expect(counts(result.total)).toEqual([0, 1, 0, 0, 0, 0]);
  });

  test("every channel counted in its own place: channel i gets i + 1 contacts, short and long windows", async () => {
    // one customer with 1 email, 2 sms, … 9 direct_mail = 45 contacts; another with 3 on the last
    // channel only. The short window packs the counts narrow, the 12-week one wide (several sums).
    const events = [
      ...CHANNELS.flatMap((channel, i) => burst("all", i + 1, channel)),
      ...burst("last", 3, "direct_mail", "2026-03-04T00:00:00Z"),
    ];
    const expected = CHANNELS.map((channel, i) => [
      channel,
      channel === "direct_mail" ? i + 1 + 3 : i + 1,
      channel === "direct_mail" ? 2 : 1,
    ]);
    const short = await distributionOf(events);
    expect(short.total).toMatchObject({ contacts: 48, contactedCustomers: 2 });
    expect(perChannel(short)).toEqual(expected);
    const long = await distributionOf(events, undefined, reportWindow(0, FROM, "2026-05-25T00:00:00Z"));
    expect(long.weeks).toBe(12);
    expect(long.total).toMatchObject({ contacts: 48, contactedCustomers: 2 });
    expect(perChannel(long)).toEqual(expected);
  });

  test("a customer with more than 127 contacts on a channel in a short window is counted exactly", async () => {
    // h: 130 email + 127 sms + 1 push = 258; q: 2 push. Past 127 on a channel, a narrow packing
    // would carry into the next channel (email 2, sms 128): the figures must not show it.
    const result = await distributionOf([
      ...burst("h", 130, "email"),
      ...burst("h", 127, "sms"),
      ...burst("h", 1, "push"),
      ...burst("q", 2, "push"),
    ]);
    expect(result.total).toMatchObject({ contacts: 260, contactedCustomers: 2, medianPerWeek: 65 });
    expect(perChannel(result)).toEqual([
      ["email", 130, 1],
      ["sms", 127, 1],
      ["push", 3, 2],
    ]);
    // 258 / 2 weeks = 129 a week: (7,∞); 2 / 2 = 1: (0,1]
    expect(counts(result.total)).toEqual([1, 0, 0, 0, 0, 1]);
  });
});
