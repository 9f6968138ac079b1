import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { GET as exportCustomer } from "@/app/api/workspaces/[workspace]/privacy/customers/[customerId]/export/route";
import { getPrisma, useDatabaseForTests } from "@/lib/server/db";
import { customerHash } from "@/lib/server/privacy/customer-hash";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";

import { signInAs } from "../helpers/session-stub";
import { setupTestDatabase } from "../helpers/test-database";

import { OTHER, privacyWorkspace, SUBJECT } from "./privacy-fixtures";

// Only the session lookup is stubbed: the guard, the service and the database are real.
vi.mock("@/lib/server/auth/auth", async (importOriginal) =>
  (await import("../helpers/session-stub")).withStubbedSession(importOriginal),
);

const db = setupTestDatabase();
let workspaceId: number;
let slug: string;
let admin: string;
let analyst: string;

beforeAll(async () => {
  useDatabaseForTests(db.current);
  const prisma = await getPrisma();
  workspaceId = await privacyWorkspace(prisma);
  slug = (await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).slug;
  for (const role of ["admin", "analyst"] as const) {
    const user = await prisma.user.create({
      data: { email: `${role}-${workspaceId}@access.example`, name: role },
    });
    await prisma.membership.create({ data: { workspaceId, userId: user.id, role } });
    if (role === "admin") admin = user.id;
    else analyst = user.id;
  }
});

afterAll(() => {
  useDatabaseForTests(undefined);
  signInAs(null);
});

async function download(customerId: string, apiKey?: string) {
  const url = `http://localhost/api/workspaces/${slug}/privacy/customers/${encodeURIComponent(customerId)}/export`;
  const response = await exportCustomer(
    new Request(url, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} }),
    { params: Promise.resolve({ workspace: slug, customerId }) },
  );
  return { response, text: await response.text() };
}

describe("the access download", () => {
  test("holds everything about the customer: row, consent, preferences, scores, every event", async () => {
    signInAs(admin);
    const { response, text } = await download(SUBJECT);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="customer-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const document = JSON.parse(text);

    expect(document).toMatchObject({
      format: "resonans.customer-data.v1",
      customerId: SUBJECT,
      customer: {
        traits: { country: "DK", loyaltyTier: "gold" },
        traitTimes: { country: "2026-03-01T08:00:00.000Z", loyaltyTier: "2026-03-01T08:00:00.000Z" },
        firstSeenAt: "2026-03-01T08:00:00.000Z",
        lastSeenAt: "2026-03-06T10:00:00.000Z",
      },
      // Granted on 1 Mar, unsubscribed on 4 Mar: the unsubscription is in force.
      consent: {
        current: [{ channel: "email", state: "unsubscribed", changedAt: "2026-03-04T10:00:00.000Z" }],
        history: [
          { at: "2026-03-04T10:00:00.000Z", type: "unsubscribed", channel: "email" },
          { at: "2026-03-01T08:30:00.000Z", type: "consent_granted", channel: "email" },
        ],
      },
      preferences: { topics: ["running"], maxPerWeek: 2, updatedAt: "2026-03-01T09:00:00.000Z" },
      suppression: null,
      eventCount: 9,
    });
    // The window ends on the day of the latest data (6 Mar), 28 days: both contacts are in it.
    expect(document.contactPressure.window).toMatchObject({
      from: "2026-02-07T00:00:00.000Z",
      to: "2026-03-07T00:00:00.000Z",
      contacts: 2,
    });
    expect(
      document.contactPressure.weeklyContacts
        .map((week: { contacts: number }) => week.contacts)
        .reduce((a: number, b: number) => a + b),
    ).toBe(2);

    // Contact facts: m1 clicked, relevance 100; m2 after the opt-out of 4 Mar, relevance 100.
    expect(document.contactFacts).toEqual([
      expect.objectContaining({
        messageId: "m1",
        relevance: 100,
        clickedAt: "2026-03-02T12:00:00.000Z",
        optedOutAt: null,
      }),
      expect.objectContaining({
        messageId: "m2",
        relevance: 100,
        clickedAt: null,
        optedOutAt: "2026-03-04T10:00:00.000Z",
      }),
    ]);
    expect(typeof document.contactFacts[0].id).toBe("string");

    // Every event, in time order, with its stored columns.
    expect(document.events.map((event: { type: string }) => event.type)).toEqual([
      "customer_updated",
      "consent_granted",
      "preferences_updated",
      "product_viewed",
      "message_sent",
      "message_clicked",
      "unsubscribed",
      "message_sent",
      "purchased",
    ]);
    expect(document.events[0]).toMatchObject({
      eventKey: "evt-s1",
      ts: "2026-03-01T08:00:00.000Z",
      traits: { country: "DK", loyaltyTier: "gold" },
      properties: { source: "crm" },
    });
    expect(typeof document.events[0].id).toBe("string");
    expect(document.events[5]).toMatchObject({
      type: "message_clicked",
      topic: "running",
      topicInherited: true,
    });
    expect(document.events[8]).toMatchObject({
      value: 40,
      currency: "EUR",
      topics: ["running"],
      properties: { orderId: "o-1" },
    });
    // Nothing of the other customer.
    expect(text).not.toContain(OTHER);

    const audit = await db.current.prisma.auditLog.findMany({ where: { workspaceId, action: "dsr.access" } });
    expect(audit).toEqual([
      expect.objectContaining({
        userId: admin,
        targetType: "customer",
        targetId: customerHash(workspaceId, SUBJECT),
      }),
    ]);
    expect(JSON.stringify(audit[0].details)).not.toContain(SUBJECT);
  });

  test("an unknown customer is 404 with a clear message; an erased one says when", async () => {
    signInAs(admin);
    const unknown = await download("crm-nobody");
    expect(unknown.response.status).toBe(404);
    expect(JSON.parse(unknown.text)).toEqual({
      error: { code: "not_found", message: 'No customer "crm-nobody" in this workspace.' },
    });

    const prisma = await getPrisma();
    const other = await privacyWorkspace(prisma, "Erased");
    const otherSlug = (await prisma.workspace.findUniqueOrThrow({ where: { id: other } })).slug;
    await prisma.membership.create({ data: { workspaceId: other, userId: admin, role: "admin" } });
    const erased = await eraseCustomer(prisma, other, SUBJECT, "delete", admin);
    if (erased.status !== "erased") throw new Error("expected an erasure");
    const response = await exportCustomer(
      new Request(`http://localhost/api/workspaces/${otherSlug}/privacy/customers/${SUBJECT}/export`),
      { params: Promise.resolve({ workspace: otherSlug, customerId: SUBJECT }) },
    );
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(
      `No customer "${SUBJECT}" in this workspace. It was erased by a data-subject request on ${erased.erasedAt.toISOString().slice(0, 10)}.`,
    );
  });

  test("only admins: an analyst is refused with 403, a signed-out visitor with 401, nothing recorded", async () => {
    const before = await db.current.prisma.auditLog.count({ where: { workspaceId, action: "dsr.access" } });
    signInAs(analyst);
    const refused = await download(SUBJECT);
    expect(refused.response.status).toBe(403);
    expect(refused.text).not.toContain("DK");
    signInAs(null);
    expect((await download(SUBJECT)).response.status).toBe(401);
    expect(await db.current.prisma.auditLog.count({ where: { workspaceId, action: "dsr.access" } })).toBe(
      before,
    );
  });

  test("pages through events: a page size smaller than the customer's events still yields them all once", async () => {
    const { customerRows, EVENT_COLUMNS } = await import("@/lib/server/privacy/customer-rows");
    const ids: string[] = [];
    for await (const row of customerRows(
      db.current.prisma,
      "Event",
      EVENT_COLUMNS,
      workspaceId,
      SUBJECT,
      2,
    )) {
      ids.push(row.id.toString());
    }
    // 9 events in pages of 2: 5 queries, every event once.
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
  });
});
