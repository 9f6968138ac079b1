import { describe, expect, test } from "vitest";

import { listConsentLedger } from "@/lib/server/consent/list-consent-ledger";

import { consent, createWorkspaceWith, type FixtureEvent, sent } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();
const prisma = () => db.current.prisma;

/* Seven consent events and one send; the key names each event's place, newest first. */
const EVENTS: FixtureEvent[] = [
  { ...consent("consent_granted", "c1", "2026-03-01T10:00:00Z", "email"), key: "e7" },
  {
    ...consent("unsubscribed", "c1", "2026-03-02T10:00:00Z"),
    key: "e6",
    campaignId: "spring",
    messageId: "m1",
  },
  { ...consent("consent_granted", "c1", "2026-03-03T10:00:00Z", "sms"), key: "e5" },
  { ...consent("complained", "c2", "2026-03-04T10:00:00Z", "email"), key: "e4" },
  { ...consent("consent_granted", "c3", "2026-03-05T10:00:00Z", "push"), key: "e3" },
  // Two at the same instant: the one stored later comes first.
  { ...consent("consent_granted", "c3", "2026-03-06T10:00:00Z", "email"), key: "e2" },
  { ...consent("consent_withdrawn", "c3", "2026-03-06T10:00:00Z", "email"), key: "e1" },
  { ...sent("c1", "2026-03-07T10:00:00Z"), key: "send" },
];

async function keys(
  workspaceId: number,
  ...args: Parameters<typeof listConsentLedger> extends [unknown, unknown, ...infer R] ? R : never
) {
  const { rows } = await listConsentLedger(prisma(), workspaceId, ...args);
  const events = await prisma().event.findMany({
    where: { workspaceId },
    select: { id: true, eventKey: true },
  });
  const keyOf = new Map(events.map((event) => [String(event.id), event.eventKey]));
  return rows.map((row) => keyOf.get(row.id));
}

describe("listConsentLedger", () => {
  test("lists grants, withdrawals, unsubscribes and complaints newest first, nothing else and no other workspace's", async () => {
    const workspaceId = await createWorkspaceWith(prisma(), EVENTS);
    await createWorkspaceWith(prisma(), [consent("unsubscribed", "c1", "2026-03-08T10:00:00Z")]);
    expect(await keys(workspaceId, {})).toEqual(["e1", "e2", "e3", "e4", "e5", "e6", "e7"]);
    const { rows } = await listConsentLedger(prisma(), workspaceId, { type: "unsubscribed" });
    expect(rows).toEqual([
      {
        id: expect.any(String),
        at: new Date("2026-03-02T10:00:00Z"),
        customerId: "c1",
        channel: null,
        type: "unsubscribed",
        campaignId: "spring",
        messageId: "m1",
      },
    ]);
  });

  test("a channel filter keeps the channel's events and those without a channel (they apply to all)", async () => {
    const workspaceId = await createWorkspaceWith(prisma(), EVENTS);
    expect(await keys(workspaceId, { channel: "email" })).toEqual(["e1", "e2", "e4", "e6", "e7"]);
    expect(await keys(workspaceId, { channel: "sms" })).toEqual(["e5", "e6"]);
    expect(await keys(workspaceId, { channel: "phone" })).toEqual(["e6"]);
  });

  test("filters by exact customer id and by type, together", async () => {
    const workspaceId = await createWorkspaceWith(prisma(), EVENTS);
    expect(await keys(workspaceId, { customerId: "c3" })).toEqual(["e1", "e2", "e3"]);
    expect(await keys(workspaceId, { customerId: "c" })).toEqual([]); // not a prefix search
    expect(await keys(workspaceId, { customerId: "c3", type: "consent_granted" })).toEqual(["e2", "e3"]);
    expect(await keys(workspaceId, { customerId: "c3", channel: "email", type: "consent_granted" })).toEqual([
      "e2",
    ]);
  });

  test("pages of three: 3 + 3 + 1, each saying whether another follows", async () => {
    const workspaceId = await createWorkspaceWith(prisma(), EVENTS);
    expect(await keys(workspaceId, {}, 1, 3)).toEqual(["e1", "e2", "e3"]);
    expect(await keys(workspaceId, {}, 2, 3)).toEqual(["e4", "e5", "e6"]);
    expect(await keys(workspaceId, {}, 3, 3)).toEqual(["e7"]);
    expect((await listConsentLedger(prisma(), workspaceId, {}, 2, 3)).hasMore).toBe(true);
    expect((await listConsentLedger(prisma(), workspaceId, {}, 3, 3)).hasMore).toBe(false);
  });
});
