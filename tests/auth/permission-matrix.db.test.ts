import path from "node:path";

import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { can, type Permission, PERMISSIONS, type Role, ROLES } from "@/lib/auth/permissions";
import type { ApiKeyScope } from "@/lib/generated/prisma/client";
import { createApiKey } from "@/lib/server/admin/api-keys";
import type { ActionResult } from "@/lib/server/auth/guard";
import { useDatabaseForTests } from "@/lib/server/db";

import { createWorkspace, insertEvents } from "../helpers/fixtures";
import {
  type GuardOutcome,
  outcomeOfAction,
  outcomeOfPage,
  outcomeOfResponse,
} from "../helpers/guard-outcome";
import { type MatrixRow, readPermissionMatrix } from "../helpers/permission-matrix-doc";
import { signInAs } from "../helpers/session-stub";
import { pageFiles, PROJECT_ROOT, routeHandlers, serverActions } from "../helpers/source-discovery";
import { setupTestDatabase } from "../helpers/test-database";

// Only the session lookup is stubbed: the guard, the services and the database are real.
vi.mock("@/lib/server/auth/auth", async (importOriginal) =>
  (await import("../helpers/session-stub")).withStubbedSession(importOriginal),
);

/** What a row of the matrix needs: a permission, or no workspace permission at all. */
type Rule = Permission | "public" | "signed in";

interface Row {
  /** The capability's name in the first column of the matrix in docs/security.md. */
  doc: string;
  rule: Rule;
}
interface RouteRow extends Row {
  /** Values of the route's dynamic segments other than [workspace]. */
  params?: Record<string, string>;
  query?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Sessions are refused whatever the role (withAuth's requireApiKey). */
  apiKeyOnly?: boolean;
  /** Not called here (Auth.js itself). */
  skipCalls?: boolean;
}
interface ActionRow extends Row {
  /** A valid-looking input: the guard runs first, so any input shows its answer. */
  input?: unknown;
}
interface PageRow extends Row {
  params?: Record<string, string>;
}

const NO_SUCH_ID = 987_654;
const segment = { name: "Matrix", definition: { field: "contacted", op: "is", value: true }, shared: false };
const event = (customerId: string) => ({
  type: "page_viewed",
  customerId,
  timestamp: "2026-03-02T10:00:00Z",
});

// ---------------------------------------------------------------------------------------------
// The table: every route handler (`METHOD file`), server action (`file#export`) and page (`file`)
// with the row of docs/security.md it belongs to and the permission that row names. A new one
// is one line here (and, for a new capability, one row in the document).
// ---------------------------------------------------------------------------------------------

const METRICS_API = "Metrics read API (aggregates; the dashboards' tiles and their CSV exports)";
const IMPORTS = "Import history and upload";
const SEGMENT_ACTIONS = "Save, change and delete segments";
const IMPORT_ACTIONS = "Cancel and resume an import";
const API_KEYS = "API keys: list, create, revoke";
const SIGN_IN = "Sign in and sign out";
const RETENTION = "Retention: save the policy, run it now";
const PRIVACY = "Data-subject requests: a customer's data, erasure, the suppression list";
const AUDIT_LOG = "Audit log: page and CSV export";
const CONSENT = "Consent ledger: rates per channel and the ledger";

const ROUTES: Record<string, RouteRow> = {
  "GET app/api/v1/metrics/[name]/route.ts": {
    doc: METRICS_API,
    rule: "viewDashboards",
    params: { name: "overview" },
  },
  "GET app/api/v1/metrics/[name]/customers/route.ts": {
    doc: "Customers behind a metric (drill-down lists)",
    rule: "viewCustomers",
    params: { name: "silent" },
  },
  "POST app/api/v1/events/route.ts": {
    doc: "Event ingestion (API key only)",
    rule: "ingestEvents",
    apiKeyOnly: true,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ events: [event("matrix-ingested")] }),
  },
  "GET app/api/v1/openapi.json/route.ts": { doc: "API description", rule: "public" },
  "GET app/api/auth/[...nextauth]/route.ts": { doc: SIGN_IN, rule: "public", skipCalls: true },
  "POST app/api/auth/[...nextauth]/route.ts": { doc: SIGN_IN, rule: "public", skipCalls: true },
  "GET app/api/workspaces/[workspace]/segments/route.ts": {
    doc: "Saved segments for the segment filter",
    rule: "viewDashboards",
  },
  "GET app/api/workspaces/[workspace]/imports/route.ts": { doc: IMPORTS, rule: "importData" },
  // No file-name header: an allowed role gets 400 before anything is stored.
  "POST app/api/workspaces/[workspace]/imports/route.ts": {
    doc: IMPORTS,
    rule: "importData",
    body: "type\n",
  },
  "GET app/api/workspaces/[workspace]/imports/[id]/route.ts": {
    doc: "One import's progress",
    rule: "importData",
    params: { id: String(NO_SUCH_ID) },
  },
  "GET app/api/workspaces/[workspace]/privacy/customers/[customerId]/export/route.ts": {
    doc: PRIVACY,
    rule: "administer",
    params: { customerId: "matrix-nobody" }, // an allowed role gets 404
  },
  "GET app/api/workspaces/[workspace]/audit-log/route.ts": { doc: AUDIT_LOG, rule: "administer" },
  "GET app/api/workspaces/[workspace]/consent/rates/route.ts": { doc: CONSENT, rule: "viewCustomers" },
  "GET app/api/workspaces/[workspace]/imports/[id]/errors/route.ts": {
    doc: "One import's error report",
    rule: "importData",
    params: { id: String(NO_SUCH_ID) },
  },
};

const ACTIONS: Record<string, ActionRow> = {
  "lib/server/actions/segments.ts#createSegmentAction": {
    doc: SEGMENT_ACTIONS,
    rule: "manageSegments",
    input: segment,
  },
  "lib/server/actions/segments.ts#updateSegmentAction": {
    doc: SEGMENT_ACTIONS,
    rule: "manageSegments",
    input: { ...segment, id: NO_SUCH_ID },
  },
  "lib/server/actions/segments.ts#deleteSegmentAction": {
    doc: SEGMENT_ACTIONS,
    rule: "manageSegments",
    input: { id: NO_SUCH_ID },
  },
  "lib/server/actions/imports.ts#cancelImportAction": {
    doc: IMPORT_ACTIONS,
    rule: "importData",
    input: { id: NO_SUCH_ID },
  },
  "lib/server/actions/imports.ts#resumeImportAction": {
    doc: IMPORT_ACTIONS,
    rule: "importData",
    input: { id: NO_SUCH_ID },
  },
  "lib/server/actions/imports.ts#deleteImportEventsAction": {
    doc: "Delete an import's events",
    rule: "administer",
    input: { id: NO_SUCH_ID },
  },
  "lib/server/actions/api-keys.ts#createApiKeyAction": {
    doc: API_KEYS,
    rule: "administer",
    input: { name: "Matrix", scopes: ["read"] },
  },
  "lib/server/actions/api-keys.ts#revokeApiKeyAction": {
    doc: API_KEYS,
    rule: "administer",
    input: { id: "no-such-key" },
  },
  "lib/server/actions/retention.ts#saveRetentionPolicyAction": {
    doc: RETENTION,
    rule: "administer",
    input: { months: null, mode: "delete" }, // keep forever: changes nothing
  },
  "lib/server/actions/retention.ts#runRetentionNowAction": { doc: RETENTION, rule: "administer", input: {} },
  "lib/server/actions/privacy.ts#eraseCustomerAction": {
    doc: PRIVACY,
    rule: "administer",
    input: { customerId: "matrix-nobody", mode: "delete" }, // no such customer: changes nothing
  },
  "lib/server/actions/privacy.ts#liftSuppressionAction": {
    doc: PRIVACY,
    rule: "administer",
    input: { customerHash: "0".repeat(64) },
  },
  "lib/server/actions/exports.ts#recordChartExportAction": {
    doc: "Record a chart's CSV export in the audit log",
    rule: "exportAggregates",
    input: { tile: "matrix", rows: 0, filters: {} },
  },
  "lib/server/actions/language-actions.ts#setLanguageAction": { doc: "Interface language", rule: "public" },
  "lib/server/actions/session-actions.ts#signInAction": { doc: SIGN_IN, rule: "public" },
  "lib/server/actions/session-actions.ts#signOutAction": { doc: SIGN_IN, rule: "public" },
};

const WS = "app/(app)/[workspace]";
const PAGES: Record<string, PageRow> = {
  [`${WS}/overview/page.tsx`]: { doc: "Overview page", rule: "viewDashboards" },
  [`${WS}/frequency/page.tsx`]: { doc: "Frequency page", rule: "viewDashboards" },
  [`${WS}/relevance/page.tsx`]: { doc: "Relevance page (campaigns, topics)", rule: "viewDashboards" },
  [`${WS}/journeys/page.tsx`]: { doc: "Journeys page", rule: "viewDashboards" },
  [`${WS}/loyalty/page.tsx`]: { doc: "Loyalty page", rule: "viewDashboards" },
  [`${WS}/segments/page.tsx`]: { doc: "Segments page", rule: "manageSegments" },
  [`${WS}/customers/page.tsx`]: { doc: "Customer list", rule: "viewCustomers" },
  [`${WS}/customers/[customerId]/page.tsx`]: {
    doc: "Customer profile and raw timeline",
    rule: "viewCustomers",
    params: { customerId: "c1" },
  },
  [`${WS}/data/page.tsx`]: { doc: "Data page (imports)", rule: "importData" },
  [`${WS}/settings/page.tsx`]: { doc: "Settings", rule: "administer" },
  [`${WS}/settings/api-keys/page.tsx`]: { doc: API_KEYS, rule: "administer" },
  [`${WS}/settings/privacy/page.tsx`]: { doc: PRIVACY, rule: "administer" },
  [`${WS}/settings/retention/page.tsx`]: { doc: RETENTION, rule: "administer" },
  [`${WS}/settings/audit-log/page.tsx`]: { doc: AUDIT_LOG, rule: "administer" },
  [`${WS}/data/consent/page.tsx`]: { doc: CONSENT, rule: "viewCustomers" },
  "app/page.tsx": { doc: "Home: open the first workspace", rule: "signed in" },
  "app/(auth)/sign-in/page.tsx": { doc: SIGN_IN, rule: "public" },
};

// ---------------------------------------------------------------------------------------------

const ALL_ROWS: Row[] = [...Object.values(ROUTES), ...Object.values(ACTIONS), ...Object.values(PAGES)];
const matrix = readPermissionMatrix();
const docRow = (row: Row): MatrixRow => {
  const found = matrix.find((candidate) => candidate.capability === row.doc);
  expect(found, `docs/security.md has no matrix row "${row.doc}"`).toBeDefined();
  return found!;
};

describe("the table covers the codebase", () => {
  test("every route handler has a row, and every row is a route handler", () => {
    expect(
      routeHandlers()
        .map((handler) => handler.key)
        .sort(),
    ).toEqual(Object.keys(ROUTES).sort());
  });

  test("every server action has a row, and every row is a server action", () => {
    expect(
      serverActions()
        .map((action) => action.key)
        .sort(),
    ).toEqual(Object.keys(ACTIONS).sort());
  });

  test("every page has a row, and every row is a page", () => {
    expect(pageFiles()).toEqual(Object.keys(PAGES).sort());
  });
});

describe("the table and docs/security.md agree", () => {
  test("each row names the permission its matrix row names", () => {
    for (const row of ALL_ROWS) expect(docRow(row).permission, row.doc).toBe(row.rule);
  });

  test("every row of the matrix is the capability of some route, action or page", () => {
    const used = new Set(ALL_ROWS.map((row) => row.doc));
    expect(matrix.map((row) => row.capability).filter((capability) => !used.has(capability))).toEqual([]);
  });

  test("the matrix's ✓ and — for each role are lib/auth/permissions.ts", () => {
    for (const row of matrix) {
      if (!(row.permission in PERMISSIONS)) continue;
      const apiKeyOnly = ALL_ROWS.some((r) => r.doc === row.capability && (r as RouteRow).apiKeyOnly);
      for (const role of ROLES) {
        const expected = !apiKeyOnly && can(role, row.permission as Permission);
        expect(row.roles[role], `${row.capability}: ${role}`).toBe(expected);
      }
    }
  });

  test("pages and server actions take sessions only: their API-key cells are —", () => {
    for (const row of [...Object.values(ACTIONS), ...Object.values(PAGES)]) {
      if (row.rule === "public" || row.rule === "signed in") continue;
      expect(docRow(row).apiKeys, row.doc).toEqual({ read: false, ingest: false });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The calls: one workspace with a member of each role, an outsider (admin of another
// workspace), and the workspace's read and ingest keys.
// ---------------------------------------------------------------------------------------------

const db = setupTestDatabase();
const members = {} as Record<Role, string>;
const keys = {} as Record<ApiKeyScope, string>;
let slug = "";
let outsider = "";

beforeAll(async () => {
  vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true"); // next.config: authInterrupts
  const prisma = db.current.prisma;
  useDatabaseForTests(db.current);
  const workspaceId = await createWorkspace(prisma, "Matrix");
  slug = (await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).slug;
  await insertEvents(prisma, workspaceId, [
    { type: "page_viewed", customer: "c1", at: "2026-03-02T10:00:00Z" },
  ]);
  const seen = new Date("2026-03-02T10:00:00Z");
  await prisma.customer.create({ data: { workspaceId, id: "c1", firstSeenAt: seen, lastSeenAt: seen } });
  for (const role of ROLES) {
    const user = await prisma.user.create({ data: { email: `${role}@matrix.example`, name: role } });
    await prisma.membership.create({ data: { workspaceId, userId: user.id, role } });
    members[role] = user.id;
  }
  const elsewhere = await createWorkspace(prisma, "Elsewhere");
  const other = await prisma.user.create({ data: { email: "outsider@matrix.example", name: "Outsider" } });
  await prisma.membership.create({ data: { workspaceId: elsewhere, userId: other.id, role: "admin" } });
  outsider = other.id;
  for (const scope of ["read", "ingest"] as const) {
    keys[scope] = (await createApiKey(prisma, workspaceId, { name: scope, scopes: [scope] })).key;
  }
});

afterAll(() => {
  useDatabaseForTests(undefined);
  vi.unstubAllEnvs();
});

async function load(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(PROJECT_ROOT, file))) as Record<string, unknown>;
}

/** Calls a route handler as whoever is signed in, or with an API key. */
async function callRoute(key: string, row: RouteRow, apiKey: string | null): Promise<GuardOutcome> {
  const [method, file] = key.split(" ");
  const handler = (await load(file))[method] as (request: Request, context: unknown) => Promise<Response>;
  const params: Record<string, string> = { ...row.params };
  let pathname = file.replace(/^app/, "").replace(/\/route\.\w+$/, "");
  if (pathname.includes("[workspace]")) params.workspace = slug;
  for (const [name, value] of Object.entries(params)) pathname = pathname.replace(`[${name}]`, value);
  const url = new URL(`http://localhost${pathname}`);
  if (!params.workspace) url.searchParams.set("workspace", slug);
  for (const [name, value] of new URLSearchParams(row.query)) url.searchParams.set(name, value);
  const headers: Record<string, string> = { ...row.headers };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const request = new Request(url, { method, headers, body: row.body ?? null });
  return outcomeOfResponse(await handler(request, { params: Promise.resolve(params) }));
}

async function callAction(key: string, row: ActionRow): Promise<GuardOutcome> {
  const [file, name] = key.split("#");
  const action = (await load(file))[name] as (slug: string, input: unknown) => Promise<ActionResult<unknown>>;
  return outcomeOfAction(await action(slug, row.input));
}

async function callPage(file: string, row: PageRow): Promise<GuardOutcome> {
  const page = (await load(file)).default as (props: unknown) => Promise<unknown>;
  return outcomeOfPage(() =>
    page({ params: Promise.resolve({ workspace: slug, ...row.params }), searchParams: Promise.resolve({}) }),
  );
}

type Caller = () => Promise<GuardOutcome>;

/** The same expectations for every kind: roles per the matrix, signed out, an outsider. */
async function expectSessionsAsInMatrix(row: Row, call: Caller, apiKeyOnly = false) {
  const cells = docRow(row);
  for (const role of ROLES) {
    signInAs(members[role]);
    const outcome = await call();
    if (cells.roles[role]) {
      expect(outcome.kind, `${role} is allowed (${outcome.message})`).toBe("passed");
    } else if (apiKeyOnly) {
      expect(outcome.kind, `${role} is refused: API key only`).toBe("unauthenticated");
    } else {
      expect(outcome.kind, `${role} is refused (${outcome.message})`).toBe("forbidden");
    }
  }
  signInAs(null);
  expect((await call()).kind, "signed out").toBe(row.rule === "public" ? "passed" : "unauthenticated");
  if (row.rule !== "public" && row.rule !== "signed in") {
    signInAs(outsider);
    expect((await call()).kind, "a member of another workspace").toBe(
      apiKeyOnly ? "unauthenticated" : "not_found",
    );
  }
  signInAs(null);
}

describe("route handlers answer as the matrix says", () => {
  const rows = Object.entries(ROUTES).filter(([, row]) => !row.skipCalls);
  test.each(rows)("%s", async (key, row) => {
    await expectSessionsAsInMatrix(row, () => callRoute(key, row, null), row.apiKeyOnly);
    // API keys, with nobody signed in: exactly the key cells of the matrix.
    const cells = docRow(row);
    for (const scope of ["read", "ingest"] as const) {
      const outcome = await callRoute(key, row, keys[scope]);
      if (cells.apiKeys[scope]) expect(outcome.kind, `key ${scope} (${outcome.message})`).toBe("passed");
      else expect(["unauthenticated", "forbidden"], `key ${scope} is refused`).toContain(outcome.kind);
    }
  });
});

describe("server actions answer as the matrix says", () => {
  const rows = Object.entries(ACTIONS).filter(([, row]) => row.rule !== "public");
  test.each(rows)("%s", async (key, row) => {
    await expectSessionsAsInMatrix(row, () => callAction(key, row));
  });

  test("the public actions read no workspace data: they never reach the database", async () => {
    const { readSource } = await import("../helpers/source-discovery");
    for (const [key, row] of Object.entries(ACTIONS)) {
      if (row.rule !== "public") continue;
      expect(readSource(key.split("#")[0]), key).not.toMatch(/getPrisma|getDb|workspaceAction/);
    }
  });
});

describe("pages answer as the matrix says", () => {
  const rows = Object.entries(PAGES).filter(([, row]) => row.rule !== "public");
  test.each(rows)("%s", async (file, row) => {
    await expectSessionsAsInMatrix(row, () => callPage(file, row));
  });
});
