import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import { z } from "zod";

import { createApiKey } from "@/lib/server/admin/api-keys";
import { withAuth, withPublic, workspaceAction } from "@/lib/server/auth/guard";
import { getPrisma, useDatabaseForTests } from "@/lib/server/db";
import { AppError, errorBody } from "@/lib/server/errors";

import { createWorkspace } from "../helpers/fixtures";
import { signInAs } from "../helpers/session-stub";
import { setupTestDatabase } from "../helpers/test-database";

vi.mock("@/lib/server/auth/auth", async (importOriginal) =>
  (await import("../helpers/session-stub")).withStubbedSession(importOriginal),
);

const db = setupTestDatabase();
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));

// Unexpected errors are logged on the server (checked below); keep them out of the test output.
const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
afterEach(() => logged.mockClear());

const GENERIC = { code: "internal", message: "Something went wrong on our side." };

/**
 * A real database error: the query names a table that does not exist, so the driver's message
 * holds SQL and internal names (`relation "ResonansSecretTable" does not exist`, the statement).
 */
async function failingQuery(workspaceId: number): Promise<never> {
  const prisma = await getPrisma();
  await prisma.$queryRaw`SELECT "passwordHash" FROM "ResonansSecretTable" WHERE "workspaceId" = ${workspaceId}`;
  throw new Error("the query above was expected to fail");
}

/** Nothing of the error may reach the client: no SQL, no table or column names, no stack, no driver. */
function expectNothingLeaked(text: string) {
  for (const leak of [
    "SELECT",
    "ResonansSecretTable",
    "passwordHash",
    "relation",
    "prisma",
    "Prisma",
    "    at ",
    ".ts:",
  ]) {
    expect(text).not.toContain(leak);
  }
}

const context = { params: Promise.resolve({}) };

test("a database error inside a route handler reaches the client as a generic 500 and is logged", async () => {
  const workspaceId = await createWorkspace(db.current.prisma, "Errors");
  const { key } = await createApiKey(db.current.prisma, workspaceId, { name: "test", scopes: ["read"] });
  const GET = withAuth(async (_request, access) => failingQuery(access.workspace.id), {
    permission: "viewDashboards",
  });

  const response = await GET(
    new Request("http://localhost/api/v1/metrics/x", { headers: { authorization: `Bearer ${key}` } }),
    context,
  );
  const text = await response.text();
  expect(response.status).toBe(500);
  expect(JSON.parse(text)).toEqual({ error: GENERIC });
  expectNothingLeaked(text);

  // The server log keeps the real error for whoever runs it.
  expect(logged).toHaveBeenCalledTimes(1);
  expect(String(logged.mock.calls[0][0])).toContain("ResonansSecretTable");
});

test("a database error inside a server action returns the same generic error, no stack or SQL", async () => {
  const workspace = await db.current.prisma.workspace.create({
    data: { name: "Errors action", slug: "errors-action" },
  });
  const user = await db.current.prisma.user.create({ data: { email: "errors-action@example.com" } });
  await db.current.prisma.membership.create({
    data: { workspaceId: workspace.id, userId: user.id, role: "admin" },
  });
  signInAs(user.id);

  const action = workspaceAction("viewDashboards", z.object({ name: z.string() }), async (_input, access) =>
    failingQuery(access.workspace.id),
  );
  const result = await action(workspace.slug, { name: "x" });
  expect(result).toEqual({ ok: false, error: GENERIC });
  expectNothingLeaked(JSON.stringify(result));
  expect(logged).toHaveBeenCalledTimes(1);
  signInAs(null);
});

test("a public route's unexpected error (even a thrown string) is answered the same way", async () => {
  const GET = withPublic(async () => {
    throw 'SELECT * FROM "User" -- at /app/lib/server/secret.ts:12';
  });
  const response = await GET(new Request("http://localhost/api/v1/openapi.json"), context);
  const text = await response.text();
  expect(response.status).toBe(500);
  expect(JSON.parse(text)).toEqual({ error: GENERIC });
  expectNothingLeaked(text);
});

test("an AppError's own message is shown as written, with its status, and not logged as a fault", () => {
  expect(errorBody(new AppError("invalid_input", "from: not a date"))).toEqual({
    status: 400,
    body: { error: { code: "invalid_input", message: "from: not a date" } },
  });
  expect(logged).not.toHaveBeenCalled();
});
