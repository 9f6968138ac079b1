import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import OverviewPage from "@/app/(app)/[workspace]/overview/page";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { GET as getCustomerList } from "@/app/api/v1/metrics/[name]/customers/route";
import { GET as getMetric } from "@/app/api/v1/metrics/[name]/route";
import { GET as getImportErrors } from "@/app/api/workspaces/[workspace]/imports/[id]/errors/route";
import { GET as getImport } from "@/app/api/workspaces/[workspace]/imports/[id]/route";
import { GET as getImports } from "@/app/api/workspaces/[workspace]/imports/route";
import { GET as getSegments } from "@/app/api/workspaces/[workspace]/segments/route";
import { CUSTOMER_LIST_CATALOGUE, METRIC_NAMES } from "@/lib/metrics/catalogue";
import { revokeApiKeyAction } from "@/lib/server/actions/api-keys";
import {
  cancelImportAction,
  deleteImportEventsAction,
  resumeImportAction,
} from "@/lib/server/actions/imports";
import { deleteSegmentAction, updateSegmentAction } from "@/lib/server/actions/segments";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { authorize } from "@/lib/server/auth/guard";
import { getCustomerProfile } from "@/lib/server/customers/get-customer-profile";
import { listCustomers } from "@/lib/server/customers/list-customers";
import { getPrisma, useDatabaseForTests } from "@/lib/server/db";
import {
  contactFactsSettled,
  startContactFactRefresher,
} from "@/lib/server/metrics/facts/contact-fact-refresher";
import { createSegment } from "@/lib/server/segments/saved-segments";

import { expectAppError } from "../helpers/errors";
import { createWorkspace } from "../helpers/fixtures";
import { outcomeOfPage } from "../helpers/guard-outcome";
import { signInAs } from "../helpers/session-stub";
import { setupTestDatabase } from "../helpers/test-database";

// Only the session lookup is stubbed: the guard, the services and the database are real.
vi.mock("@/lib/server/auth/auth", async (importOriginal) =>
  (await import("../helpers/session-stub")).withStubbedSession(importOriginal),
);

const db = setupTestDatabase();

/*
 * Two workspaces (UTC) with the same customer ids and overlapping event ids, different numbers:
 *
 *   A: c1 traits loyaltyTier gold (t1, 1 Mar); c1 sent 2, 3, 4 Mar (e1–e3); c2 sent 5 Mar (e4).
 *      → 4 contacts, 2 contacted customers, no opt-out, nothing after an opt-out.
 *   B: c1 traits loyaltyTier vip (t1, 1 Mar); c1 sent 2–6 Mar (e1–e5); c1 unsubscribes from
 *      email 3 Mar 12:00 (u1); c3 sent 6 Mar (e6).
 *      → 6 contacts, 2 contacted customers (c1, c3), 3 contacts after opt-out (4, 5, 6 Mar).
 *
 * A leak shows in A's numbers: B's unsubscribe would turn A's send of 4 Mar into a contact
 * after opt-out, B's five sends to c1 plus A's three would make c1 silent (≥ 8 contacts), and
 * B's later data would move A's default window.
 */
const at = (day: number, hour = 10) => `2026-03-0${day}T${String(hour).padStart(2, "0")}:00:00Z`;
const send = (id: string, customerId: string, day: number) => ({
  id,
  type: "message_sent",
  customerId,
  timestamp: at(day),
  channel: "email",
  messageKind: "promotional",
  messageId: `m-${id}`,
});
const traits = (loyaltyTier: string) => ({
  id: "t1",
  type: "customer_updated",
  customerId: "c1",
  timestamp: at(1),
  traits: { loyaltyTier },
});
const EVENTS_A = [
  traits("gold"),
  send("e1", "c1", 2),
  send("e2", "c1", 3),
  send("e3", "c1", 4),
  send("e4", "c2", 5),
];
const EVENTS_B = [
  traits("vip"),
  ...[2, 3, 4, 5, 6].map((day, i) => send(`e${i + 1}`, "c1", day)),
  { id: "u1", type: "unsubscribed", customerId: "c1", timestamp: at(3, 12), channel: "email" },
  send("e6", "c3", 6),
];

/** Customer lists need these parameters; the others take paging only. */
const LIST_QUERIES: Record<string, string[]> = {
  funnel: ["step=1", "step=2"],
  lifecycle: ["check=not-welcomed", "check=not-let-go"],
  relevance: ["band=none", "band=0-10", "band=90-100"],
};
const listQueries = Object.keys(CUSTOMER_LIST_CATALOGUE).flatMap((name) =>
  (LIST_QUERIES[name] ?? [""]).map((query) => ({ name, query })),
);

interface Side {
  id: number;
  slug: string;
  admin: string;
  /** A key with both scopes, and its id. */
  key: string;
  keyId: string;
}
let A: Side;
let B: Side;
let ingestedA: unknown;
let ingestedB: unknown;
let ingestedAAgain: unknown;
let segmentB: { id: number; name: string; definition: unknown; shared: boolean; updatedAt: Date };
let importB: number;
const metricsBeforeB = new Map<string, unknown>();
const listsBeforeB = new Map<string, unknown>();
let countsOfB: Record<string, number>;
let stopRefresher: () => void;

async function side(name: string): Promise<Side> {
  const prisma = db.current.prisma;
  const id = await createWorkspace(prisma, name);
  const workspace = await prisma.workspace.update({ where: { id }, data: { timeZone: "UTC" } });
  const user = await prisma.user.create({ data: { email: `admin-${name}@isolation.example`, name } });
  await prisma.membership.create({ data: { workspaceId: id, userId: user.id, role: "admin" } });
  const created = await createApiKey(prisma, id, { name, scopes: ["read", "ingest"] });
  return { id, slug: workspace.slug, admin: user.id, key: created.key, keyId: created.apiKey.id };
}

async function ingest(key: string, events: unknown[]) {
  const request = new Request("http://localhost/api/v1/events", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
  const response = await postEvents(request, { params: Promise.resolve({}) });
  await contactFactsSettled();
  return { status: response.status, body: await response.json() };
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler; `key` sends an API key, else the signed-in session is used. */
async function call(handler: Handler, url: string, params: Record<string, string>, key?: string) {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const response = await handler(new Request(`http://localhost${url}`, { headers }), {
    params: Promise.resolve(params),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV
  }
  return { status: response.status, body: body as Record<string, unknown> };
}

const metric = (name: string, key: string, query = "") =>
  call(getMetric, `/api/v1/metrics/${name}?${query}`, { name }, key);
const customerList = (name: string, slug: string, query: string) =>
  call(getCustomerList, `/api/v1/metrics/${name}/customers?workspace=${slug}&${query}`, { name });

/** Rows of every workspace-scoped table belonging to the workspace. */
async function rowCounts(workspaceId: number): Promise<Record<string, number>> {
  const p = db.current.prisma;
  const where = { workspaceId };
  return {
    event: await p.event.count({ where }),
    customer: await p.customer.count({ where }),
    customerConsent: await p.customerConsent.count({ where }),
    customerPreference: await p.customerPreference.count({ where }),
    message: await p.message.count({ where }),
    contactFact: await p.contactFact.count({ where }),
    segment: await p.segment.count({ where }),
    importBatch: await p.importBatch.count({ where }),
    importRowError: await p.importRowError.count({ where }),
    apiKey: await p.apiKey.count({ where }),
    revokedApiKey: await p.apiKey.count({ where: { ...where, revokedAt: { not: null } } }),
    membership: await p.membership.count({ where }),
    auditLog: await p.auditLog.count({ where }),
    suppressedCustomer: await p.suppressedCustomer.count({ where }),
  };
}

beforeAll(async () => {
  vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true"); // next.config: authInterrupts
  useDatabaseForTests(db.current);
  stopRefresher = startContactFactRefresher(getPrisma); // as the server does (instrumentation.ts)
  A = await side("A");
  B = await side("B");

  // A alone: its numbers before B holds anything.
  ingestedA = await ingest(A.key, EVENTS_A);
  for (const name of METRIC_NAMES) metricsBeforeB.set(name, (await metric(name, A.key)).body);
  signInAs(A.admin);
  for (const { name, query } of listQueries) {
    listsBeforeB.set(`${name}?${query}`, (await customerList(name, A.slug, query)).body);
  }
  signInAs(null);

  // Then B: the same customer ids and event ids, other numbers.
  ingestedB = await ingest(B.key, EVENTS_B);
  ingestedAAgain = await ingest(A.key, EVENTS_A);
  // B's own records: a shared segment, a failed import with its error report.
  const created = await createSegment(
    db.current.prisma,
    { workspaceId: B.id, userId: B.admin, isAdmin: true },
    { name: "B's contacted", definition: { field: "contacted", op: "is", value: true }, shared: true },
  );
  const segmentId = created.id;
  segmentB = await db.current.prisma.segment.findUniqueOrThrow({ where: { id: segmentId } });
  const batch = await db.current.prisma.importBatch.create({
    data: { workspaceId: B.id, fileName: "b.csv", format: "csv", status: "failed" },
  });
  await db.current.prisma.importRowError.create({
    data: { workspaceId: B.id, batchId: batch.id, line: 2, errors: ["customerId: required"] },
  });
  importB = batch.id;
  countsOfB = await rowCounts(B.id);
});

afterAll(() => {
  stopRefresher();
  useDatabaseForTests(undefined);
  vi.unstubAllEnvs();
  signInAs(null);
});

describe("ingestion with a workspace's key writes to that workspace only", () => {
  test("B's events with A's ids are new in B, not duplicates; A's resent batch is all duplicates", async () => {
    expect(ingestedA).toEqual({ status: 200, body: { accepted: 5, duplicates: 0, rejected: [] } });
    expect(ingestedB).toEqual({ status: 200, body: { accepted: 8, duplicates: 0, rejected: [] } });
    expect(ingestedAAgain).toEqual({ status: 200, body: { accepted: 0, duplicates: 5, rejected: [] } });
    expect(await db.current.prisma.event.count({ where: { workspaceId: A.id } })).toBe(5);
    expect(await db.current.prisma.event.count({ where: { workspaceId: B.id } })).toBe(8);
  });
});

describe("the read API answers each workspace's own numbers", () => {
  test("hand-worked: A has 4 contacts and no opt-out violation, B has 6 and 3", async () => {
    const a = await metric("overview", A.key);
    const b = await metric("overview", B.key);
    expect(a.body.result).toMatchObject({
      contacts: 4,
      contactedCustomers: 2,
      contactsAfterOptOut: { contacts: 0, customers: 0 },
    });
    expect(b.body.result).toMatchObject({
      contacts: 6,
      contactedCustomers: 2,
      contactsAfterOptOut: { contacts: 3, customers: 1 },
    });
    // c1 has 3 contacts in A: not silent (a join over customer ids alone would see 3 + 5 = 8).
    expect((await metric("silent", A.key)).body.result).toMatchObject({
      silentCustomers: 0,
      contactedCustomers: 2,
    });
  });

  test.each(METRIC_NAMES)(
    "%s: A's answer (key and session) is what it was before B held anything",
    async (name) => {
      const withKey = await metric(name, A.key);
      expect(withKey.status).toBe(200);
      expect(withKey.body).toEqual(metricsBeforeB.get(name));
      // The key decides the workspace: naming B's slug changes nothing.
      expect((await metric(name, A.key, `workspace=${B.slug}`)).body).toEqual(metricsBeforeB.get(name));
      signInAs(A.admin);
      const withSession = await call(getMetric, `/api/v1/metrics/${name}?workspace=${A.slug}`, { name });
      expect(withSession.body).toEqual(metricsBeforeB.get(name));
      const asking = await call(getMetric, `/api/v1/metrics/${name}?workspace=${B.slug}`, { name });
      expect(asking.status).toBe(404);
      signInAs(null);
    },
  );

  test.each(listQueries)(
    "customer list $name?$query: A's rows only, as before B",
    async ({ name, query }) => {
      signInAs(A.admin);
      const list = await customerList(name, A.slug, query);
      expect(list.status).toBe(200);
      expect(list.body).toEqual(listsBeforeB.get(`${name}?${query}`));
      expect(JSON.stringify(list.body)).not.toContain('"c3"');
      expect((await customerList(name, B.slug, query)).status).toBe(404);
      signInAs(null);
    },
  );

  test("hand-worked: A's new customers not welcomed are c1 and c2, never B's c3", async () => {
    signInAs(A.admin);
    const list = await customerList("lifecycle", A.slug, "check=not-welcomed");
    const rows = (list.body.result as { rows: { customerId: string }[] }).rows;
    expect(rows.map((row) => row.customerId).sort()).toEqual(["c1", "c2"]);
    signInAs(null);
  });

  test("a saved segment of B is not usable from A, by key or session", async () => {
    const byKey = await metric("overview", A.key, `segmentId=${segmentB.id}`);
    expect(byKey.status).toBe(404);
    signInAs(A.admin);
    const bySession = await call(
      getMetric,
      `/api/v1/metrics/overview?workspace=${A.slug}&segmentId=${segmentB.id}`,
      {
        name: "overview",
      },
    );
    expect(bySession.status).toBe(404);
    signInAs(null);
  });
});

describe("customer pages of A show A's customer only", () => {
  test("the customer list holds A's c1 and c2 with A's traits; c3 is not there", async () => {
    signInAs(A.admin);
    const access = await authorize(A.slug, "viewCustomers");
    const list = await listCustomers(db.current.prisma, {
      workspaceId: access.workspace.id,
      from: new Date("2026-02-06T00:00:00Z"),
      to: new Date("2026-03-06T00:00:00Z"),
      channel: null,
      segment: null,
      timeZone: "UTC",
      frequencyCap: access.workspace.frequencyCap,
      limit: 50,
      offset: 0,
    });
    expect(list.total).toBe(2);
    expect(list.rows.map((row) => [row.customerId, row.loyaltyTier, row.contacts])).toEqual([
      ["c1", "gold", 3],
      ["c2", null, 1],
    ]);
    signInAs(null);
  });

  test("c1's profile in A: A's traits, A's four events, no consent change", async () => {
    signInAs(A.admin);
    const access = await authorize(A.slug, "viewCustomers");
    const profile = await getCustomerProfile(db.current.prisma, {
      workspaceId: access.workspace.id,
      customerId: "c1",
      from: new Date("2026-02-06T00:00:00Z"),
      to: new Date("2026-03-06T00:00:00Z"),
      timeZone: "UTC",
      frequencyCap: access.workspace.frequencyCap,
      limit: 100,
      offset: 0,
    });
    expect(profile?.traits).toEqual({ loyaltyTier: "gold" });
    expect(profile?.timeline.total).toBe(4);
    expect(profile?.timeline.events.map((event) => event.type)).toEqual([
      "message_sent",
      "message_sent",
      "message_sent",
      "customer_updated",
    ]);
    expect(profile?.consent).toEqual([]);
    expect(profile?.consentHistory).toEqual([]);
    expect(profile?.window.contacts).toBe(3);
    signInAs(null);
  });

  test("a member of A asking for B's slug is told it does not exist: guard and page", async () => {
    signInAs(A.admin);
    await expectAppError(authorize(B.slug, "viewDashboards"), "not_found");
    await expectAppError(authorize(B.slug, "viewCustomers"), "not_found");
    const page = await outcomeOfPage(() =>
      OverviewPage({ params: Promise.resolve({ workspace: B.slug }), searchParams: Promise.resolve({}) }),
    );
    expect(page.kind).toBe("not_found");
    signInAs(null);
  });
});

describe("B's records cannot be seen or changed through A", () => {
  test("B's shared segment is not listed in A, and A's actions cannot change or delete it", async () => {
    signInAs(A.admin);
    const listed = await call(getSegments, `/api/workspaces/${A.slug}/segments`, { workspace: A.slug });
    expect(listed.status).toBe(200);
    expect((listed.body.segments as { id: number }[]).map((s) => s.id)).not.toContain(segmentB.id);
    const update = await updateSegmentAction(A.slug, {
      id: segmentB.id,
      name: "taken over",
      definition: { field: "engaged", op: "is", value: true },
      shared: true,
    });
    expect(update).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await deleteSegmentAction(A.slug, { id: segmentB.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    signInAs(null);
    expect(await db.current.prisma.segment.findUnique({ where: { id: segmentB.id } })).toEqual(segmentB);
  });

  test("B's import: not in A's history; its progress and error report through A are not found", async () => {
    signInAs(A.admin);
    const history = await call(getImports, `/api/workspaces/${A.slug}/imports`, { workspace: A.slug });
    expect(history.status).toBe(200);
    expect(history.body.imports).toEqual([]);
    const params = { workspace: A.slug, id: String(importB) };
    const one = await call(getImport, `/api/workspaces/${A.slug}/imports/${importB}`, params);
    expect(one.status).toBe(404);
    const errors = await call(getImportErrors, `/api/workspaces/${A.slug}/imports/${importB}/errors`, params);
    expect(errors.status).toBe(404);
    expect(JSON.stringify(errors.body)).not.toContain("customerId: required");
    for (const action of [cancelImportAction, resumeImportAction, deleteImportEventsAction]) {
      expect(await action(A.slug, { id: importB })).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    }
    signInAs(null);
  });

  test("B's API key cannot be revoked through A's action, and still works", async () => {
    signInAs(A.admin);
    expect(await revokeApiKeyAction(A.slug, { id: B.keyId })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    signInAs(null);
    expect((await metric("overview", B.key)).status).toBe(200);
  });

  // Last: after every attempt above.
  test("B holds exactly the rows it held before A's attempts", async () => {
    expect(await rowCounts(B.id)).toEqual(countsOfB);
    expect(countsOfB).toMatchObject({
      event: 8,
      customer: 2,
      segment: 1,
      importBatch: 1,
      apiKey: 1,
      revokedApiKey: 0,
    });
  });
});
