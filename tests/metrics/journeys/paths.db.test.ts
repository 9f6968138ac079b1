import { describe, expect, test } from "vitest";

import { getPaths, type PathsMetricParams } from "@/lib/server/metrics/journeys/get-paths";

import { createWorkspaceWith, type FixtureEvent } from "../../helpers/fixtures";
import { reportWindow } from "../../helpers/report-window";
import { setupTestDatabase } from "../../helpers/test-database";
import { loadDataset } from "../load-dataset";

const db = setupTestDatabase();

// The window is [2026-03-02, 2026-03-16).
type Options = Omit<PathsMetricParams, "workspaceId" | "from" | "to">;

const ev = (
  type: FixtureEvent["type"],
  customer: string,
  at: string,
  channel: FixtureEvent["channel"] = type.startsWith("message_") ? "email" : null,
): FixtureEvent => ({ type, customer, at, channel });

async function pathsOf(events: FixtureEvent[], options: Options = { anchor: "start" }) {
  const workspaceId = await createWorkspaceWith(db.current.prisma, events);
  return getPaths(db.current.prisma, { ...reportWindow(workspaceId), ...options });
}

/** The nodes as "step:label", in result order: for one customer, their path. */
const chain = (result: Awaited<ReturnType<typeof getPaths>>) =>
  result.nodes.map((node) => `${node.step}:${node.label}`).join(" → ");

describe("paths", () => {
  test("labels message events channel · type, collapses repeats and ends with (end)", async () => {
    const result = await pathsOf([
      ev("message_sent", "c1", "2026-03-03T10:00:00Z"),
      ev("message_sent", "c1", "2026-03-04T10:00:00Z"), //     collapsed into the previous
      ev("message_opened", "c1", "2026-03-04T11:00:00Z"),
      ev("page_viewed", "c1", "2026-03-05T10:00:00Z", "web"),
      ev("page_viewed", "c1", "2026-03-05T11:00:00Z", "web"), // collapsed
      ev("purchased", "c1", "2026-03-06T10:00:00Z", "store"),
      ev("message_sent", "c1", "2026-03-01T10:00:00Z"), //      before the window: not in the path
    ]);
    expect(result.customers).toBe(1);
    expect(chain(result)).toBe(
      "1:email · message_sent → 2:email · message_opened → 3:page_viewed → 4:purchased → 5:(end)",
    );
    expect(result.links).toEqual([
      { step: 1, source: "email · message_sent", target: "email · message_opened", customers: 1 },
      { step: 2, source: "email · message_opened", target: "page_viewed", customers: 1 },
      { step: 3, source: "page_viewed", target: "purchased", customers: 1 },
      { step: 4, source: "purchased", target: "(end)", customers: 1 },
    ]);
  });

  test("keeps the start and the next 5 steps; (end) only when nothing follows", async () => {
    const labels = [
      "page_viewed",
      "product_viewed",
      "cart_added",
      "purchased",
      "refunded",
      "unsubscribed",
      "complained",
    ] as const;
    const events = [
      // c1: 7 steps → steps 1–6 kept, no (end) (the path goes on).
      ...labels.map((type, i) => ev(type, "c1", `2026-03-0${3 + i}T10:00:00Z`)),
      // c2: exactly 6 steps → all kept, then (end) at step 7.
      ...labels.slice(0, 6).map((type, i) => ev(type, "c2", `2026-03-0${3 + i}T10:00:00Z`)),
    ];
    const result = await pathsOf(events);
    expect(result.nodes.filter((node) => node.step === 6)).toEqual([
      { step: 6, label: "unsubscribed", customers: 2 },
    ]);
    expect(result.nodes.filter((node) => node.step === 7)).toEqual([
      { step: 7, label: "(end)", customers: 1 },
    ]);
    expect(result.links.filter((link) => link.step === 6)).toEqual([
      { step: 6, source: "unsubscribed", target: "(end)", customers: 1 },
    ]);
  });

  test("a start event begins the path at its first occurrence; customers without one have no path", async () => {
    const result = await pathsOf(
      [
        ev("message_sent", "c1", "2026-03-03T10:00:00Z"),
        ev("message_clicked", "c1", "2026-03-03T11:00:00Z"),
        ev("purchased", "c1", "2026-03-04T10:00:00Z"),
        ev("message_clicked", "c1", "2026-03-05T10:00:00Z"),
        ev("message_sent", "c2", "2026-03-03T10:00:00Z"), // no click
      ],
      { anchor: "start", event: { type: "message_clicked" } },
    );
    expect(result.customers).toBe(1);
    expect(chain(result)).toBe(
      "1:email · message_clicked → 2:purchased → 3:email · message_clicked → 4:(end)",
    );
  });

  test("end-anchored: the 5 steps before the first unsubscribe, ending in it at step 6", async () => {
    const result = await pathsOf(
      [
        // c1: 3 steps before its first unsubscribe; the later events do not matter.
        ev("message_sent", "c1", "2026-03-03T10:00:00Z"),
        ev("message_sent", "c1", "2026-03-04T10:00:00Z", "sms"),
        ev("message_opened", "c1", "2026-03-05T10:00:00Z"),
        ev("unsubscribed", "c1", "2026-03-06T10:00:00Z"),
        ev("message_sent", "c1", "2026-03-07T10:00:00Z"),
        ev("unsubscribed", "c1", "2026-03-08T10:00:00Z"),
        // c2: an unsubscribe only before the window → no path.
        ev("unsubscribed", "c2", "2026-03-01T10:00:00Z"),
        ev("message_sent", "c2", "2026-03-03T10:00:00Z"),
      ],
      { anchor: "end", event: { type: "unsubscribed" } },
    );
    expect(result.customers).toBe(1);
    expect(chain(result)).toBe(
      "3:email · message_sent → 4:sms · message_sent → 5:email · message_opened → 6:unsubscribed",
    );
  });

  test("end-anchored paths keep only the 5 steps right before the end event", async () => {
    const before = [
      "page_viewed",
      "product_viewed",
      "cart_added",
      "purchased",
      "refunded",
      "complained",
      "consent_granted",
    ] as const;
    const result = await pathsOf(
      [
        ...before.map((type, i) => ev(type, "c1", `2026-03-0${2 + i}T10:00:00Z`)),
        ev("unsubscribed", "c1", "2026-03-10T10:00:00Z"),
      ],
      { anchor: "end", event: { type: "unsubscribed" } },
    );
    expect(chain(result)).toBe(
      "1:cart_added → 2:purchased → 3:refunded → 4:complained → 5:consent_granted → 6:unsubscribed",
    );
  });

  test("per step the 12 biggest labels stay (ties by label order), the rest become other", async () => {
    // 14 labels at step 1, one customer each, and unsubscribed twice: unsubscribed (2) and the
    // first 11 labels in code-point order stay; refunded and sms · message_sent become other.
    const single = [
      ["cart_added", null],
      ["complained", null],
      ["consent_granted", null],
      ["consent_withdrawn", null],
      ["customer_updated", null],
      ["message_clicked", "email"],
      ["message_sent", "email"],
      ["page_viewed", null],
      ["preferences_updated", null],
      ["product_viewed", null],
      ["purchased", null],
      ["refunded", null],
      ["message_sent", "sms"],
      ["unsubscribed", null],
    ] as const;
    const events = single.map(([type, channel], i) => ev(type, `c${i + 1}`, "2026-03-03T10:00:00Z", channel));
    events.push(ev("unsubscribed", "c99", "2026-03-03T10:00:00Z"));
    const result = await pathsOf(events);
    const step1 = result.nodes.filter((node) => node.step === 1);
    expect(step1).toHaveLength(13);
    expect(step1.find((node) => node.label === "unsubscribed")).toEqual({
      step: 1,
      label: "unsubscribed",
      customers: 2,
    });
    expect(step1.find((node) => node.label === "other")).toEqual({ step: 1, label: "other", customers: 2 });
    expect(step1.map((node) => node.label)).not.toContain("refunded");
    expect(result.links.find((link) => link.source === "other")).toEqual({
      step: 1,
      source: "other",
      target: "(end)",
      customers: 2,
    });
    expect(result.nodes.filter((node) => node.step === 2)).toEqual([
      { step: 2, label: "(end)", customers: 15 },
    ]);
  });

  test("events at one instant go in event-type order, then channel order, so equal labels collapse", async () => {
    // At 10:00: a purchase, a page view, and e-mail and sms sends around another e-mail send.
    // Contract order puts message_sent before page_viewed before purchased, and email before sms.
    const at = "2026-03-03T10:00:00Z";
    const result = await pathsOf([
      ev("page_viewed", "c1", "2026-03-03T09:00:00Z"),
      ev("purchased", "c1", at),
      ev("page_viewed", "c1", at),
      ev("message_sent", "c1", at, "sms"),
      ev("message_sent", "c1", at, "email"),
      ev("message_sent", "c1", at, "email"),
    ]);
    expect(chain(result)).toBe(
      "1:page_viewed → 2:email · message_sent → 3:sms · message_sent → 4:page_viewed → 5:purchased → 6:(end)",
    );
  });

  test("the channel filter drops sends on other channels, not clicks; types narrow the events", async () => {
    const events = [
      ev("message_sent", "c1", "2026-03-03T10:00:00Z", "sms"),
      ev("message_sent", "c1", "2026-03-04T10:00:00Z", "email"),
      ev("message_clicked", "c1", "2026-03-04T11:00:00Z", "sms"),
      ev("page_viewed", "c1", "2026-03-04T12:00:00Z", "web"),
    ];
    expect(chain(await pathsOf(events, { anchor: "start" }))).toBe(
      "1:sms · message_sent → 2:email · message_sent → 3:sms · message_clicked → 4:page_viewed → 5:(end)",
    );
    const workspaceId = await createWorkspaceWith(db.current.prisma, events);
    const emailOnly = await getPaths(db.current.prisma, {
      ...reportWindow(workspaceId),
      anchor: "start",
      channel: "email",
    });
    expect(chain(emailOnly)).toBe(
      "1:email · message_sent → 2:sms · message_clicked → 3:page_viewed → 4:(end)",
    );
    const sendsAndViews = await getPaths(db.current.prisma, {
      ...reportWindow(workspaceId),
      anchor: "start",
      types: ["message_sent", "page_viewed"],
    });
    expect(chain(sendsAndViews)).toBe(
      "1:sms · message_sent → 2:email · message_sent → 3:page_viewed → 4:(end)",
    );
  });

  test("a segment restricts the customers", async () => {
    const raw = (customerId: string, country: string) => [
      { type: "customer_updated", customerId, timestamp: "2026-02-01T00:00:00Z", traits: { country } },
      { type: "page_viewed", customerId, timestamp: "2026-03-03T10:00:00Z" },
    ];
    const { workspaceId } = await loadDataset(db.current.prisma, [
      ...raw("dk1", "DK"),
      ...raw("se1", "SE"),
      ...raw("se2", "SE"),
    ]);
    const result = await getPaths(db.current.prisma, {
      ...reportWindow(workspaceId),
      anchor: "start",
      segment: { field: "trait", key: "country", op: "eq", value: "DK" },
    });
    expect(result.customers).toBe(1);
    expect(chain(result)).toBe("1:page_viewed → 2:(end)");
  });

  test("an end-anchored path without an end event is refused", async () => {
    await expect(getPaths(db.current.prisma, { ...reportWindow(1), anchor: "end" })).rejects.toThrow(
      RangeError,
    );
  });
});
