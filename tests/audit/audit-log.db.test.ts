import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { GET } from "@/app/api/workspaces/[workspace]/audit-log/route";
import type { Role } from "@/lib/auth/permissions";
import { AUDIT_CSV_HEADER } from "@/lib/server/audit/audit-log-csv";
import { listAuditLog } from "@/lib/server/audit/list-audit-log";
import { useDatabaseForTests } from "@/lib/server/db";

import { signInAs } from "../helpers/session-stub";
import { setupTestDatabase } from "../helpers/test-database";

vi.mock("@/lib/server/auth/auth", async (importOriginal) =>
  (await import("../helpers/session-stub")).withStubbedSession(importOriginal),
);

const db = setupTestDatabase();
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));
const prisma = () => db.current.prisma;

let count = 0;
async function workspace(timeZone = "UTC") {
  count += 1;
  return prisma().workspace.create({ data: { name: `Audit ${count}`, slug: `audit-${count}`, timeZone } });
}
async function member(workspaceId: number, role: Role, name: string) {
  count += 1;
  const user = await prisma().user.create({
    data: { email: `${name.toLowerCase()}-${count}@example.com`, name },
  });
  await prisma().membership.create({ data: { workspaceId, userId: user.id, role } });
  return user;
}

/** Writes an entry at an exact instant (ISO string, so both databases store the same instant). */
async function entry(
  at: string,
  action: string,
  fields: { workspaceId?: number | null; userId?: string | null; details?: object } = {},
): Promise<string> {
  const [row] = await db.current.sql.query<{ id: string }>(
    `INSERT INTO "AuditLog" ("workspaceId", "userId", "action", "details", "createdAt")
     VALUES ($1, $2, $3, $4::jsonb, $5::timestamptz) RETURNING CAST("id" AS text) AS "id"`,
    [fields.workspaceId ?? null, fields.userId ?? null, action, JSON.stringify(fields.details ?? null), at],
  );
  return row.id;
}

/*
 * Workspace A (UTC) with admin Ada and analyst Ana; workspace B with Bo, a member of B only.
 *   1  2026-03-01 09:00  A   apikey.create          by Ada
 *   2  2026-03-02 10:00  —   auth.signin            Ada            (no workspace: Ada is a member of A)
 *   3  2026-03-02 11:00  —   auth.signin_failed     ana's e-mail   (no workspace, no user: by e-mail)
 *   4  2026-03-03 12:00  A   membership.role_change by Ada
 *   5  2026-03-03 12:00  B   apikey.create          by Bo          (B's: never shown in A)
 *   6  2026-03-04 08:00  —   auth.signin            Bo             (not a member of A)
 *   7  2026-03-04 09:00  —   auth.signin_failed     unknown e-mail (nobody's)
 *   8  2026-03-05 23:30  A   export.csv             by Ana
 */
async function fixture() {
  const a = await workspace();
  const b = await workspace();
  const ada = await member(a.id, "admin", "Ada");
  const ana = await member(a.id, "analyst", "Ana");
  const bo = await member(b.id, "admin", "Bo");
  const ids = {
    key: await entry("2026-03-01T09:00:00Z", "apikey.create", { workspaceId: a.id, userId: ada.id }),
    adaSignIn: await entry("2026-03-02T10:00:00Z", "auth.signin", { userId: ada.id }),
    anaFailed: await entry("2026-03-02T11:00:00Z", "auth.signin_failed", { details: { email: ana.email } }),
    role: await entry("2026-03-03T12:00:00Z", "membership.role_change", {
      workspaceId: a.id,
      userId: ada.id,
    }),
    bKey: await entry("2026-03-03T12:00:00Z", "apikey.create", { workspaceId: b.id, userId: bo.id }),
    boSignIn: await entry("2026-03-04T08:00:00Z", "auth.signin", { userId: bo.id }),
    unknownFailed: await entry("2026-03-04T09:00:00Z", "auth.signin_failed", {
      details: { email: "stranger@example.com" },
    }),
    export: await entry("2026-03-05T23:30:00Z", "export.csv", { workspaceId: a.id, userId: ana.id }),
  };
  return { a, b, ada, ana, bo, ids };
}

const idsOf = async (...args: Parameters<typeof listAuditLog>) =>
  (await listAuditLog(...args)).rows.map((row) => row.id);

describe("listAuditLog", () => {
  test("shows the workspace's entries and its members' sign-ins, newest first, never another workspace's", async () => {
    const { a, b, ids } = await fixture();
    // Entries 8, 4, 3, 2, 1: not B's key (5), Bo's sign-in (6) or the stranger's attempt (7).
    expect(await idsOf(prisma(), a, {})).toEqual([
      ids.export,
      ids.role,
      ids.anaFailed,
      ids.adaSignIn,
      ids.key,
    ]);
    // B sees its key and Bo's sign-in: 6, 5.
    expect(await idsOf(prisma(), b, {})).toEqual([ids.boSignIn, ids.bKey]);
  });

  test("says who acted: the user, or the e-mail of a failed attempt through its details", async () => {
    const { a, ada, ids } = await fixture();
    const rows = (await listAuditLog(prisma(), a, {})).rows;
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.key)?.actor).toEqual({ kind: "user", id: ada.id, name: "Ada", email: ada.email });
    expect(byId.get(ids.anaFailed)?.actor).toEqual({ kind: "system" });
    expect(byId.get(ids.key)?.at.toISOString()).toBe("2026-03-01T09:00:00.000Z");
  });

  test("filters by one action, by a group, by user (with their failed sign-ins) and by days", async () => {
    const { a, ana, ids } = await fixture();
    expect(await idsOf(prisma(), a, { action: "auth.signin" })).toEqual([ids.adaSignIn]);
    expect(await idsOf(prisma(), a, { action: "auth.*" })).toEqual([ids.anaFailed, ids.adaSignIn]);
    expect(await idsOf(prisma(), a, { action: "apikey.*" })).toEqual([ids.key]);
    expect(await idsOf(prisma(), a, { user: ana.id })).toEqual([ids.export, ids.anaFailed]);
    // Days 2–3 March, inclusive, UTC: entries 2, 3, 4.
    expect(await idsOf(prisma(), a, { from: "2026-03-02", to: "2026-03-03" })).toEqual([
      ids.role,
      ids.anaFailed,
      ids.adaSignIn,
    ]);
  });

  test("days are the workspace's: 5 March 23:30 UTC is 6 March in Copenhagen", async () => {
    const { a, ids } = await fixture();
    await prisma().workspace.update({ where: { id: a.id }, data: { timeZone: "Europe/Copenhagen" } });
    const copenhagen = { ...a, timeZone: "Europe/Copenhagen" };
    expect(await idsOf(prisma(), copenhagen, { from: "2026-03-06", to: "2026-03-06" })).toEqual([ids.export]);
    expect(await idsOf(prisma(), copenhagen, { from: "2026-03-05", to: "2026-03-05" })).toEqual([]);
  });

  test("pages newest first; entries at the same instant are ordered by id, newest first", async () => {
    const ws = await workspace();
    const first = await entry("2026-03-01T00:00:00Z", "settings.change", { workspaceId: ws.id });
    const second = await entry("2026-03-01T00:00:00Z", "settings.change", { workspaceId: ws.id });
    const third = await entry("2026-03-02T00:00:00Z", "settings.change", { workspaceId: ws.id });
    const page1 = await listAuditLog(prisma(), ws, {}, 1, 2);
    const page2 = await listAuditLog(prisma(), ws, {}, 2, 2);
    expect(page1.rows.map((row) => row.id)).toEqual([third, second]);
    expect(page1.hasMore).toBe(true);
    expect(page2.rows.map((row) => row.id)).toEqual([first]);
    expect(page2.hasMore).toBe(false);
  });
});

async function exportCsv(slug: string, query = "") {
  const request = new Request(`http://localhost:3000/api/workspaces/${slug}/audit-log${query}`);
  return GET(request, { params: Promise.resolve({ workspace: slug }) });
}

describe("GET /api/workspaces/:workspace/audit-log", () => {
  test("an admin gets the filtered log as CSV, and the export is recorded with its filters", async () => {
    const { a, ada, ana } = await fixture();
    signInAs(ada.id);
    const response = await exportCsv(a.slug, "?action=auth.*&from=2026-03-01&to=2026-03-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).split("\r\n");
    expect(lines).toEqual([
      AUDIT_CSV_HEADER,
      `2026-03-02T11:00:00.000Z,auth.signin_failed,system,,,,,"{""email"":""${ana.email}""}",`,
      `2026-03-02T10:00:00.000Z,auth.signin,user,Ada,${ada.email},,,,`,
      "",
    ]);
    const recorded = await prisma().auditLog.findMany({
      where: { workspaceId: a.id, action: "export.audit_log" },
    });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      userId: ada.id,
      details: { filters: { action: "auth.*", from: "2026-03-01", to: "2026-03-31" } },
    });
  });

  test("a role other than admin gets 403 and nothing is recorded; a non-member gets 404", async () => {
    const { a, ana, bo } = await fixture();
    signInAs(ana.id);
    const forbidden = await exportCsv(a.slug);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: "forbidden" } });
    signInAs(bo.id);
    expect((await exportCsv(a.slug)).status).toBe(404);
    signInAs(null);
    expect((await exportCsv(a.slug)).status).toBe(401);
    expect(await prisma().auditLog.count({ where: { action: "export.audit_log", workspaceId: a.id } })).toBe(
      0,
    );
  });

  test("an invalid filter is a 400 with the reason, and nothing is recorded", async () => {
    const { a, ada } = await fixture();
    signInAs(ada.id);
    const response = await exportCsv(a.slug, "?action=%27%3B%20drop%20table&from=2026-02-30");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toContain("action:");
    expect(body.error.message).toContain("from:");
    expect(await prisma().auditLog.count({ where: { action: "export.audit_log", workspaceId: a.id } })).toBe(
      0,
    );
  });
});
