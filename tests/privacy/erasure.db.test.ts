import { describe, expect, test } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getLoyaltySummary } from "@/lib/server/metrics/loyalty/get-loyalty-summary";
import { getOverviewNumbers } from "@/lib/server/metrics/overview/get-overview-summary";
import { getRelevanceSummary } from "@/lib/server/metrics/relevance/get-relevance-summary";
import { customerHash } from "@/lib/server/privacy/customer-hash";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";

import { reportWindow } from "../helpers/report-window";
import { setupTestDatabase } from "../helpers/test-database";

import { OTHER, privacyWorkspace, SUBJECT, tablesContaining } from "./privacy-fixtures";

const db = setupTestDatabase();
const prisma = () => db.current.prisma;

async function admin(prisma: PrismaClient): Promise<string> {
  const user = await prisma.user.create({
    data: { email: `dsr-${crypto.randomUUID()}@example.com`, name: "DSR" },
  });
  return user.id;
}

/** The figures aggregates are made of; anonymisation must leave every one as it was. */
async function aggregates(workspaceId: number) {
  const params = reportWindow(workspaceId);
  return {
    overview: await getOverviewNumbers(prisma(), params),
    relevance: await getRelevanceSummary(prisma(), params),
    loyalty: await getLoyaltySummary(prisma(), params),
    messages: await prisma().message.findMany({ where: { workspaceId }, orderBy: { messageId: "asc" } }),
  };
}

const erasures = (workspaceId: number) =>
  prisma().auditLog.findMany({ where: { workspaceId, action: "dsr.erase" }, orderBy: { id: "asc" } });

describe("erasure by deletion", () => {
  test("removes every row of the customer and works the message catalogue out again", async () => {
    const workspaceId = await privacyWorkspace(prisma());
    const userId = await admin(prisma());
    const before = await aggregates(workspaceId);
    // Hand-worked (privacy-fixtures.ts): 4 contacts to 2 customers, 1 after an opt-out.
    expect(before.overview).toMatchObject({
      contacts: 4,
      contactedCustomers: 2,
      contactsAfterOptOut: { contacts: 1, customers: 1 },
    });
    expect(before.messages.map((m) => [m.messageId, m.campaignId, m.firstSentAt.toISOString()])).toEqual([
      ["m1", "spring", "2026-03-02T10:00:00.000Z"],
      ["m2", "spring", "2026-03-05T10:00:00.000Z"],
      ["m3", "late", "2026-03-04T10:00:00.000Z"],
    ]);

    const outcome = await eraseCustomer(prisma(), workspaceId, SUBJECT, "delete", userId);

    // 9 events, 2 contacts, 1 customer row with 1 consent row (email) and its preferences;
    // m1 (first sent to the subject) and m2 (sent only to them) are worked out again.
    expect(outcome).toMatchObject({
      status: "erased",
      mode: "delete",
      counts: { events: 9, contactFacts: 2, customers: 1, consents: 1, preferences: 1, messagesRebuilt: 2 },
    });
    expect(await tablesContaining(prisma(), workspaceId, SUBJECT)).toEqual([]);
    // m1 now starts with the other customer's send of 3 Mar (campaign late); m2 is gone.
    const after = await aggregates(workspaceId);
    expect(after.messages.map((m) => [m.messageId, m.campaignId, m.firstSentAt.toISOString()])).toEqual([
      ["m1", "late", "2026-03-03T10:00:00.000Z"],
      ["m3", "late", "2026-03-04T10:00:00.000Z"],
    ]);
    // Only the other customer's 2 contacts remain, none after an opt-out.
    expect(after.overview).toMatchObject({
      contacts: 2,
      contactedCustomers: 1,
      contactsAfterOptOut: { contacts: 0, customers: 0 },
    });
    expect(await prisma().event.count({ where: { workspaceId, customerId: OTHER } })).toBe(3);
    expect(await prisma().customer.count({ where: { workspaceId } })).toBe(1);

    const suppression = await prisma().suppressedCustomer.findMany({ where: { workspaceId } });
    expect(suppression).toEqual([
      expect.objectContaining({
        customerHash: customerHash(workspaceId, SUBJECT),
        mode: "delete",
        createdById: userId,
        liftedAt: null,
      }),
    ]);
    const [entry, ...more] = await erasures(workspaceId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      userId,
      targetType: "customer",
      targetId: customerHash(workspaceId, SUBJECT),
      details: {
        mode: "delete",
        events: 9,
        contactFacts: 2,
        customers: 1,
        consents: 1,
        preferences: 1,
        messagesRebuilt: 2,
      },
    });
  });

  test("is idempotent: a second request says when the customer was erased, changes nothing, records nothing", async () => {
    const workspaceId = await privacyWorkspace(prisma());
    const first = await eraseCustomer(prisma(), workspaceId, SUBJECT, "delete", null);
    if (first.status !== "erased") throw new Error("expected an erasure");
    const events = await prisma().event.count({ where: { workspaceId } });

    // Either mode: the customer is erased already.
    for (const mode of ["delete", "anonymise"] as const) {
      expect(await eraseCustomer(prisma(), workspaceId, SUBJECT, mode, null)).toEqual({
        status: "already_erased",
        mode: "delete",
        erasedAt: first.erasedAt,
      });
    }
    expect(await prisma().event.count({ where: { workspaceId } })).toBe(events);
    expect(await erasures(workspaceId)).toHaveLength(1);
  });
});

describe("erasure by anonymisation", () => {
  test("leaves no trace of the customer id or their traits anywhere", async () => {
    const workspaceId = await privacyWorkspace(prisma());
    const userId = await admin(prisma());
    const keysBefore = await prisma().event.findMany({
      where: { workspaceId, customerId: SUBJECT },
      select: { id: true, eventKey: true },
    });
    expect(keysBefore.map((e) => e.eventKey)).toContain("evt-s1");

    const outcome = await eraseCustomer(prisma(), workspaceId, SUBJECT, "anonymise", userId);

    expect(outcome).toMatchObject({
      status: "erased",
      mode: "anonymise",
      counts: { events: 9, contactFacts: 2, customers: 1, consents: 1, preferences: 1, messagesRebuilt: 0 },
    });
    expect(await tablesContaining(prisma(), workspaceId, SUBJECT)).toEqual([]);
    // The traits (DK, gold) and the properties (crm, o-1) are gone with it.
    for (const value of ['"DK"', '"gold"', '"crm"', '"o-1"']) {
      expect(await tablesContaining(prisma(), workspaceId, value), value).toEqual([]);
    }

    const customers = await prisma().customer.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
    const token = customers.find((c) => c.id !== OTHER)?.id ?? "";
    expect(token).toMatch(/^anon_[0-9a-f]{32}$/);
    expect(customers.find((c) => c.id === token)).toMatchObject({ traits: {}, traitTimes: {} });
    // Consent and preferences follow the token (ON UPDATE CASCADE).
    expect(await prisma().customerConsent.findMany({ where: { workspaceId, customerId: token } })).toEqual([
      expect.objectContaining({ channel: "email", state: "unsubscribed" }),
    ]);
    expect(await prisma().customerPreference.count({ where: { workspaceId, customerId: token } })).toBe(1);
    // Every event keeps its row, loses traits and properties, and gets a key naming neither id nor content.
    const events = await prisma().event.findMany({
      where: { workspaceId, customerId: token },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.id)).toEqual(keysBefore.map((e) => e.id).sort((a, b) => (a < b ? -1 : 1)));
    for (const event of events) {
      expect(event.eventKey).toBe(`anon:${token}:${event.id}`);
      expect(event.traits).toBeNull();
      expect(event.properties).toBeNull();
    }
    expect(await prisma().contactFact.count({ where: { workspaceId, customerId: token } })).toBe(2);
    // The audit entry names the customer by hash and never the token, which would link the two.
    const entries = await erasures(workspaceId);
    expect(entries).toHaveLength(1);
    expect(entries[0].targetId).toBe(customerHash(workspaceId, SUBJECT));
    expect(await tablesContaining(prisma(), workspaceId, token)).toEqual([
      "Customer",
      "CustomerConsent",
      "CustomerPreference",
      "Event",
      "ContactFact",
    ]);
  });

  test("keeps every aggregate exactly as it was", async () => {
    const workspaceId = await privacyWorkspace(prisma());
    const before = await aggregates(workspaceId);
    // Hand-worked: 4 contacts, 2 clicked, 1 after an opt-out; the subject's 2 contacts score 100.
    expect(before.overview).toMatchObject({
      contacts: 4,
      contactsAfterOptOut: { contacts: 1, customers: 1 },
    });
    expect(before.relevance).toMatchObject({ contacts: 4, scoredContacts: 2, meanRelevance: 100 });

    await eraseCustomer(prisma(), workspaceId, SUBJECT, "anonymise", null);

    expect(await aggregates(workspaceId)).toEqual(before);
  });

  test("a token is random, not derived from the id: the same id in two workspaces gets two tokens", async () => {
    const a = await privacyWorkspace(prisma());
    const b = await privacyWorkspace(prisma());
    await eraseCustomer(prisma(), a, SUBJECT, "anonymise", null);
    await eraseCustomer(prisma(), b, SUBJECT, "anonymise", null);
    const token = async (workspaceId: number) =>
      (await prisma().customer.findFirstOrThrow({ where: { workspaceId, id: { startsWith: "anon_" } } })).id;
    expect(await token(a)).not.toBe(await token(b));
  });

  test("is idempotent, and an unknown customer is reported as such with nothing recorded", async () => {
    const workspaceId = await privacyWorkspace(prisma());
    const first = await eraseCustomer(prisma(), workspaceId, SUBJECT, "anonymise", null);
    if (first.status !== "erased") throw new Error("expected an erasure");
    const snapshot = await prisma().event.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });

    expect(await eraseCustomer(prisma(), workspaceId, SUBJECT, "anonymise", null)).toEqual({
      status: "already_erased",
      mode: "anonymise",
      erasedAt: first.erasedAt,
    });
    expect(await eraseCustomer(prisma(), workspaceId, "crm-nobody", "anonymise", null)).toEqual({
      status: "no_such_customer",
    });
    expect(await prisma().event.findMany({ where: { workspaceId }, orderBy: { id: "asc" } })).toEqual(
      snapshot,
    );
    expect(await erasures(workspaceId)).toHaveLength(1);
    expect(await prisma().suppressedCustomer.count({ where: { workspaceId } })).toBe(1);
  });
});

test("erasing a customer in one workspace leaves the same customer id in another untouched", async () => {
  const a = await privacyWorkspace(prisma(), "A");
  const b = await privacyWorkspace(prisma(), "B");
  const rowsOfB = async () => ({
    events: await prisma().event.findMany({ where: { workspaceId: b }, orderBy: { id: "asc" } }),
    customers: await prisma().customer.findMany({ where: { workspaceId: b }, orderBy: { id: "asc" } }),
    facts: await prisma().contactFact.findMany({ where: { workspaceId: b }, orderBy: { eventId: "asc" } }),
    messages: await prisma().message.findMany({ where: { workspaceId: b }, orderBy: { messageId: "asc" } }),
  });
  const before = await rowsOfB();
  await eraseCustomer(prisma(), a, SUBJECT, "delete", null);
  expect(await rowsOfB()).toEqual(before);
  expect(await prisma().suppressedCustomer.count({ where: { workspaceId: b } })).toBe(0);
  // B's customer is not erased there: a request in B erases it now.
  expect(await eraseCustomer(prisma(), b, SUBJECT, "anonymise", null)).toMatchObject({ status: "erased" });
});
