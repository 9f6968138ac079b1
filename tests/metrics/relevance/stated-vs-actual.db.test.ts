import { beforeAll, describe, expect, test } from "vitest";

import { getStatedVsActual } from "@/lib/server/metrics/relevance/get-stated-vs-actual";
import { listStatedVsActualCustomers } from "@/lib/server/metrics/relevance/list-stated-vs-actual-customers";

import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

import { DANISH } from "./relevance-world";

/*
 * Window [03-02, 03-16): 2 weeks. Preferences in force at each contact (the latest
 * preferences_updated strictly before it) decide; a change inside the window counts from then on.
 *
 * c1 (DK): prefs 03-01 {running, max 5}, 03-04 12h {cycling, max 1.5}.
 *   03-03 email running (in: old prefs), 03-04 email yoga (off), 03-05 sms cycling (in: new), 03-06 email no topic.
 *   (a) 3 contacts, 1 off. (b) 4 / 2 = 2 per week; at the last contact max 1.5 → exceeds.
 * c2 (SE): prefs 03-01 {topics [], max 1}: an empty topic list is no topic preference.
 *   03-03 email running, 03-10 email yoga. (a) none. (b) 1 per week, max 1 → not above it.
 * c3 (DK): prefs 03-01 {yoga, max 0.5}, 03-08 {yoga} (no max: none in force from then on).
 *   03-03 push yoga (in), 03-09 push running (off), 03-10 push yoga (in). (a) 3, 1 off.
 *   (b) 1.5 per week; no max at the last contact → not counted.
 * c4 (SE): no prefs; 5 email yoga contacts 03-03 … 03-07. (b) 2.5 per week, no max.
 * c5 (DK): prefs 03-01 {sale, max 2}; prefs at exactly its last contact's instant (03-07) {max 10}
 *   and after the window (03-20) {max 1}: neither in force in it.
 *   03-03 email sale, 03-04 email sale, 03-05 sms sale, 03-06 sms running, 03-07 sms running.
 *   (a) 5, 2 off. (b) 2.5 per week > 2 → exceeds.
 */
const DATASET: Record<string, unknown>[] = [
  customer("c1", "DK"),
  customer("c2", "SE"),
  customer("c3", "DK"),
  customer("c4", "SE"),
  customer("c5", "DK"),
  prefs("c1", "2026-03-01T00:00:00Z", ["running"], 5),
  prefs("c1", "2026-03-04T12:00:00Z", ["cycling"], 1.5),
  send("c1", "03-03", "email", "running"),
  send("c1", "03-04", "email", "yoga"),
  send("c1", "03-05", "sms", "cycling"),
  send("c1", "03-06", "email"),
  prefs("c2", "2026-03-01T00:00:00Z", [], 1),
  send("c2", "03-03", "email", "running"),
  send("c2", "03-10", "email", "yoga"),
  prefs("c3", "2026-03-01T00:00:00Z", ["yoga"], 0.5),
  prefs("c3", "2026-03-08T00:00:00Z", ["yoga"]),
  send("c3", "03-03", "push", "yoga"),
  send("c3", "03-09", "push", "running"),
  send("c3", "03-10", "push", "yoga"),
  ...["03-03", "03-04", "03-05", "03-06", "03-07"].map((day) => send("c4", day, "email", "yoga")),
  prefs("c5", "2026-03-01T00:00:00Z", ["sale"], 2),
  prefs("c5", "2026-03-07T10:00:00Z", undefined, 10),
  prefs("c5", "2026-03-20T00:00:00Z", undefined, 1),
  send("c5", "03-03", "email", "sale"),
  send("c5", "03-04", "email", "sale"),
  send("c5", "03-05", "sms", "sale"),
  send("c5", "03-06", "sms", "running"),
  send("c5", "03-07", "sms", "running"),
];

function customer(customerId: string, country: string) {
  return { type: "customer_updated", customerId, timestamp: "2026-01-01T00:00:00Z", traits: { country } };
}

function prefs(customerId: string, timestamp: string, topics?: string[], maxPerWeek?: number) {
  return {
    type: "preferences_updated",
    customerId,
    timestamp,
    ...(topics ? { topics } : {}),
    ...(maxPerWeek ? { maxPerWeek } : {}),
  };
}

function send(customerId: string, day: string, channel: string, topic?: string) {
  return {
    type: "message_sent",
    customerId,
    timestamp: `2026-${day}T10:00:00Z`,
    channel,
    messageId: `m-${customerId}-${day}-${channel}`,
    ...(topic ? { topic } : {}),
  };
}

const db = setupTestDatabase();
let workspaceId = 0;
const window = () => reportWindow(workspaceId);

beforeAll(async () => {
  ({ workspaceId } = await loadDataset(db.current.prisma, DATASET));
});

describe("getStatedVsActual", () => {
  test("uses the preferences in force at each contact, and at each customer's last contact", async () => {
    expect(await getStatedVsActual(db.current.prisma, window())).toEqual({
      contactsWithStatedTopics: 11, // c1 3, c3 3, c5 5
      offPreferenceContacts: 4, // c1 1, c3 1, c5 2
      offPreferenceShare: 4 / 11,
      contactedCustomers: 5,
      customersWithStatedMax: 3, // c1, c2, c5
      customersExceeding: 2, // c1, c5
      exceedingShare: 2 / 3,
    });
  });

  test("a channel filter counts that channel's contacts and that channel's last contact", async () => {
    // sms: c1 03-05 cycling (in; 0.5 per week, max 1.5), c5 sale, running, running (2 off; 1.5 per week, max 2).
    expect(await getStatedVsActual(db.current.prisma, { ...window(), channel: "sms" })).toEqual({
      contactsWithStatedTopics: 4,
      offPreferenceContacts: 2,
      offPreferenceShare: 0.5,
      contactedCustomers: 2,
      customersWithStatedMax: 2,
      customersExceeding: 0,
      exceedingShare: 0,
    });
  });

  test("a segment keeps its customers only", async () => {
    expect(await getStatedVsActual(db.current.prisma, { ...window(), segment: DANISH })).toEqual({
      contactsWithStatedTopics: 11,
      offPreferenceContacts: 4,
      offPreferenceShare: 4 / 11,
      contactedCustomers: 3, // c1, c3, c5
      customersWithStatedMax: 2, // c1, c5
      customersExceeding: 2,
      exceedingShare: 1,
    });
  });

  test("counts a customer's contacts made before they first stated preferences", async () => {
    // c6: 3 email sends, then prefs 03-05 12h {yoga, max 1}, then one more: 4 / 2 = 2 per week > 1.
    const { workspaceId: other } = await loadDataset(db.current.prisma, [
      customer("c6", "SE"),
      ...["03-03", "03-04", "03-05"].map((day) => send("c6", day, "email", "running")),
      prefs("c6", "2026-03-05T12:00:00Z", ["yoga"], 1),
      send("c6", "03-06", "email", "running"),
    ]);
    expect(await getStatedVsActual(db.current.prisma, reportWindow(other))).toEqual({
      contactsWithStatedTopics: 1,
      offPreferenceContacts: 1,
      offPreferenceShare: 1,
      contactedCustomers: 1,
      customersWithStatedMax: 1,
      customersExceeding: 1,
      exceedingShare: 1,
    });
  });

  test("nulls over nobody", async () => {
    const empty = reportWindow(workspaceId, "2026-04-01T00:00:00Z", "2026-04-08T00:00:00Z");
    expect(await getStatedVsActual(db.current.prisma, empty)).toEqual({
      contactsWithStatedTopics: 0,
      offPreferenceContacts: 0,
      offPreferenceShare: null,
      contactedCustomers: 0,
      customersWithStatedMax: 0,
      customersExceeding: 0,
      exceedingShare: null,
    });
  });
});

describe("listStatedVsActualCustomers", () => {
  test("lists the customers above their stated maximum, most over first", async () => {
    // c1 2 / 1.5 = 1.33 over, c5 2.5 / 2 = 1.25.
    expect(await listStatedVsActualCustomers(db.current.prisma, window())).toEqual({
      total: 2,
      customers: [
        {
          customerId: "c1",
          contacts: 4,
          contactsPerWeek: 2,
          statedMaxPerWeek: 1.5,
          lastContactAt: "2026-03-06T10:00:00.000Z",
        },
        {
          customerId: "c5",
          contacts: 5,
          contactsPerWeek: 2.5,
          statedMaxPerWeek: 2,
          lastContactAt: "2026-03-07T10:00:00.000Z",
        },
      ],
    });
  });

  test("pages keep the total, also past the end", async () => {
    const second = await listStatedVsActualCustomers(db.current.prisma, { ...window(), limit: 1, offset: 1 });
    expect(second.total).toBe(2);
    expect(second.customers.map((c) => c.customerId)).toEqual(["c5"]);
    const past = await listStatedVsActualCustomers(db.current.prisma, { ...window(), limit: 10, offset: 5 });
    expect(past).toEqual({ total: 2, customers: [] });
  });
});
