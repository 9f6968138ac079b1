import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { GET } from "@/app/api/workspaces/[workspace]/consent/rates/route";
import type { Role } from "@/lib/auth/permissions";
import { getConsentRates } from "@/lib/server/consent/get-consent-rates";
import { useDatabaseForTests } from "@/lib/server/db";

import { consent, createWorkspaceWith, type FixtureEvent, sent } from "../helpers/fixtures";
import { signInAs } from "../helpers/session-stub";
import { setupTestDatabase } from "../helpers/test-database";

vi.mock("@/lib/server/auth/auth", async (importOriginal) =>
  (await import("../helpers/session-stub")).withStubbedSession(importOriginal),
);

const db = setupTestDatabase();
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));
const prisma = () => db.current.prisma;

/*
 * Window 2–15 March 2026 in UTC: ISO weeks W10 [2 Mar, 9 Mar) and W11 [9 Mar, 16 Mar).
 * Channels named by a consent event before 16 March: email, sms (push only on 20 March).
 */
const EVENTS: FixtureEvent[] = [
  consent("consent_granted", "c1", "2026-02-20T10:00:00Z", "email"), // before the window
  consent("unsubscribed", "c1", "2026-03-04T10:00:00Z"), //            no channel: email and sms
  consent("consent_granted", "c1", "2026-03-10T10:00:00Z", "sms"), //  re-grant: sms only
  consent("consent_granted", "c2", "2026-03-03T10:00:00Z", "sms"),
  consent("complained", "c2", "2026-03-12T10:00:00Z", "email"),
  consent("consent_granted", "c3", "2026-03-05T12:00:00Z", "email"), // same instant as the
  consent("consent_withdrawn", "c3", "2026-03-05T12:00:00Z", "email"), // withdrawal: withdrawal wins
  consent("consent_granted", "c4", "2026-03-16T00:00:00Z", "email"), // at the window's end: not in it
  consent("consent_granted", "c5", "2026-03-20T10:00:00Z", "push"), //  after the window
  consent("consent_granted", "c6", "2026-03-11T10:00:00Z"), //          no channel: email and sms
  sent("c1", "2026-03-05T10:00:00Z", "email"), //                       not a consent event
];

/*
 * State at the end of each week (latest applicable event strictly before the end):
 *   W10 email: c1 unsubscribed, c3 withdrawn                  → 2 customers, 0 granted, rate 0
 *   W10 sms:   c1 unsubscribed, c2 granted                    → 2 customers, 1 granted, rate 0.5
 *   W11 email: c1 unsub., c2 complained, c3 withdrawn, c6 granted (c4 not before 16 Mar)
 *                                                             → 4 customers, 1 granted, rate 0.25
 *   W11 sms:   c1 re-granted, c2 granted, c6 granted          → 3 customers, 3 granted, rate 1
 * Events in each week that apply to the channel (a channel-less one counts on both):
 *   W10 email: c1 unsubscribe, c3 grant, c3 withdrawal        → 1 grant, 1 withdrawal, 1 unsubscribe
 *   W10 sms:   c1 unsubscribe, c2 grant                       → 1 grant, 1 unsubscribe
 *   W11 email: c2 complaint, c6 grant                         → 1 grant, 1 complaint
 *   W11 sms:   c1 grant, c6 grant                             → 2 grants
 */
const EXPECTED = [
  {
    week: "2026-W10",
    weekStart: "2026-03-02",
    channel: "email",
    customers: 2,
    granted: 0,
    rate: 0,
    grants: 1,
    withdrawals: 1,
    unsubscribes: 1,
    complaints: 0,
  },
  {
    week: "2026-W10",
    weekStart: "2026-03-02",
    channel: "sms",
    customers: 2,
    granted: 1,
    rate: 0.5,
    grants: 1,
    withdrawals: 0,
    unsubscribes: 1,
    complaints: 0,
  },
  {
    week: "2026-W11",
    weekStart: "2026-03-09",
    channel: "email",
    customers: 4,
    granted: 1,
    rate: 0.25,
    grants: 1,
    withdrawals: 0,
    unsubscribes: 0,
    complaints: 1,
  },
  {
    week: "2026-W11",
    weekStart: "2026-03-09",
    channel: "sms",
    customers: 3,
    granted: 3,
    rate: 1,
    grants: 2,
    withdrawals: 0,
    unsubscribes: 0,
    complaints: 0,
  },
];

async function utcWorkspaceWith(events: FixtureEvent[]) {
  const id = await createWorkspaceWith(prisma(), events);
  return prisma().workspace.update({ where: { id }, data: { timeZone: "UTC" } });
}

const WINDOW = {
  from: new Date("2026-03-02T00:00:00Z"),
  to: new Date("2026-03-16T00:00:00Z"),
  timeZone: "UTC",
};

describe("getConsentRates", () => {
  test("per week and channel: the share granted at the week's end and the events in the week", async () => {
    const workspace = await utcWorkspaceWith(EVENTS);
    // The same customer ids in another workspace, all granted: they must not count.
    await createWorkspaceWith(prisma(), [
      consent("consent_granted", "c1", "2026-03-03T10:00:00Z", "email"),
      consent("consent_granted", "c3", "2026-03-03T10:00:00Z", "push"),
    ]);
    const rates = await getConsentRates(prisma(), workspace.id, WINDOW);
    expect(rates.channels).toEqual(["email", "sms"]);
    expect(rates.points).toEqual(EXPECTED);
  });

  test("a week cut by the window ends at the window's end", async () => {
    const workspace = await utcWorkspaceWith(EVENTS);
    // 2–10 March: W11 is [9 Mar, 11 Mar); c1's sms re-grant (10 Mar) is in it, c6's grant (11 Mar) is not.
    const rates = await getConsentRates(prisma(), workspace.id, {
      ...WINDOW,
      to: new Date("2026-03-11T00:00:00Z"),
    });
    const w11 = rates.points.filter((point) => point.week === "2026-W11");
    expect(w11).toEqual([
      // email: c1 unsubscribed, c3 withdrawn; no events in [9, 11)
      { ...EXPECTED[2], customers: 2, granted: 0, rate: 0, grants: 0, complaints: 0 },
      // sms: c1 re-granted, c2 granted; c1's grant in the part
      { ...EXPECTED[3], customers: 2, granted: 2, rate: 1, grants: 1 },
    ]);
  });

  test("no consent events: no channels and no points", async () => {
    const workspace = await utcWorkspaceWith([sent("c1", "2026-03-05T10:00:00Z")]);
    expect(await getConsentRates(prisma(), workspace.id, WINDOW)).toEqual({ channels: [], points: [] });
  });
});

async function member(workspaceId: number, role: Role) {
  const user = await prisma().user.create({ data: { email: `consent-${role}-${workspaceId}@example.com` } });
  await prisma().membership.create({ data: { workspaceId, userId: user.id, role } });
  return user;
}

async function getRates(slug: string, query: string) {
  const request = new Request(`http://localhost:3000/api/workspaces/${slug}/consent/rates?${query}`);
  return GET(request, { params: Promise.resolve({ workspace: slug }) });
}

describe("GET /api/workspaces/:workspace/consent/rates", () => {
  test("an analyst gets the rates for the days asked, in the workspace's zone", async () => {
    const workspace = await utcWorkspaceWith(EVENTS);
    signInAs((await member(workspace.id, "analyst")).id);
    const response = await getRates(workspace.slug, "from=2026-03-02&to=2026-03-15");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      query: { from: string; to: string };
      result: { points: unknown[] };
    };
    expect(body.query).toMatchObject({ from: "2026-03-02T00:00:00.000Z", to: "2026-03-16T00:00:00.000Z" });
    expect(body.result.points).toEqual(EXPECTED);
  });

  test("roles that may not see customers get 403; a reversed range is a 400 with the reason", async () => {
    const workspace = await utcWorkspaceWith(EVENTS);
    signInAs((await member(workspace.id, "executive")).id);
    expect((await getRates(workspace.slug, "from=2026-03-02&to=2026-03-15")).status).toBe(403);
    signInAs((await member(workspace.id, "manager")).id);
    expect((await getRates(workspace.slug, "from=2026-03-02&to=2026-03-15")).status).toBe(403);
    signInAs((await member(workspace.id, "admin")).id);
    const reversed = await getRates(workspace.slug, "from=2026-03-15&to=2026-03-02");
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toEqual({
      error: { code: "invalid_input", message: "from: from is after to" },
    });
  });
});
