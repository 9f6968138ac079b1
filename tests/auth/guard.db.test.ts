import { describe, expect, test } from "vitest";

import type { Role } from "@/lib/auth/permissions";
import type { ApiKeyScope } from "@/lib/generated/prisma/client";
import { createApiKey, revokeApiKey } from "@/lib/server/admin/api-keys";
import { resolveApiKeyAccess, resolveMemberAccess, type SessionUser } from "@/lib/server/auth/guard";

import { expectAppError } from "../helpers/errors";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();

let count = 0;

async function workspace(): Promise<{ id: number; slug: string }> {
  count += 1;
  return db.current.prisma.workspace.create({
    data: { name: `Guard ${count}`, slug: `guard-${count}` },
    select: { id: true, slug: true },
  });
}

async function user(): Promise<SessionUser> {
  count += 1;
  return db.current.prisma.user.create({
    data: { email: `user-${count}@example.com`, name: `User ${count}` },
    select: { id: true, email: true, name: true },
  });
}

async function member(workspaceId: number, role: Role): Promise<SessionUser> {
  const created = await user();
  await db.current.prisma.membership.create({ data: { workspaceId, userId: created.id, role } });
  return created;
}

async function key(workspaceId: number, scopes: ApiKeyScope[]): Promise<{ key: string; id: string }> {
  const created = await createApiKey(db.current.prisma, workspaceId, { name: "test", scopes });
  return { key: created.key, id: created.apiKey.id };
}

describe("resolveMemberAccess", () => {
  test("a member with the permission gets their workspace and role", async () => {
    const ws = await workspace();
    const analyst = await member(ws.id, "analyst");
    const access = await resolveMemberAccess(db.current.prisma, analyst, ws.slug, "viewCustomers");
    expect(access.user).toEqual(analyst);
    expect(access.role).toBe("analyst");
    expect(access.workspace).toMatchObject({ id: ws.id, slug: ws.slug });
    expect(access.apiKeyId).toBeUndefined();
  });

  test("a non-member gets not_found, worded exactly as for a workspace that does not exist", async () => {
    const ws = await workspace();
    await member(ws.id, "admin"); // the workspace has members, just not this user
    const outsider = await user();

    const existing = await expectAppError(
      resolveMemberAccess(db.current.prisma, outsider, ws.slug, "viewDashboards"),
      "not_found",
    );
    const unknown = await expectAppError(
      resolveMemberAccess(db.current.prisma, outsider, "no-such-workspace", "viewDashboards"),
      "not_found",
    );
    expect(existing.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(existing.message.replace(ws.slug, "<slug>")).toBe(
      unknown.message.replace("no-such-workspace", "<slug>"),
    );
  });

  test("a non-member gets not_found (not forbidden) even for a permission no member role would have", async () => {
    const ws = await workspace();
    const outsider = await user();
    await expectAppError(
      resolveMemberAccess(db.current.prisma, outsider, ws.slug, "administer"),
      "not_found",
    );
  });

  test.each([
    ["executive", "viewCustomers"],
    ["executive", "manageSegments"],
    ["manager", "importData"],
    ["analyst", "administer"],
  ] as const)("a member without the permission gets forbidden (%s → %s)", async (role, permission) => {
    const ws = await workspace();
    const someone = await member(ws.id, role);
    const error = await expectAppError(
      resolveMemberAccess(db.current.prisma, someone, ws.slug, permission),
      "forbidden",
    );
    expect(error.status).toBe(403);
  });

  test("a user in two workspaces gets each workspace with its own role", async () => {
    const north = await workspace();
    const south = await workspace();
    const someone = await user();
    await db.current.prisma.membership.createMany({
      data: [
        { workspaceId: north.id, userId: someone.id, role: "admin" },
        { workspaceId: south.id, userId: someone.id, role: "executive" },
      ],
    });

    const inNorth = await resolveMemberAccess(db.current.prisma, someone, north.slug, "administer");
    expect(inNorth.workspace.id).toBe(north.id);
    expect(inNorth.role).toBe("admin");

    const inSouth = await resolveMemberAccess(db.current.prisma, someone, south.slug, "viewDashboards");
    expect(inSouth.workspace.id).toBe(south.id);
    expect(inSouth.role).toBe("executive");

    // Being admin elsewhere does not carry over.
    await expectAppError(
      resolveMemberAccess(db.current.prisma, someone, south.slug, "administer"),
      "forbidden",
    );
  });
});

describe("resolveApiKeyAccess", () => {
  test("a valid key with the scope gets its workspace and records lastUsedAt", async () => {
    const ws = await workspace();
    const { key: readKey, id } = await key(ws.id, ["read"]);

    const before = Date.now();
    const access = await resolveApiKeyAccess(db.current.prisma, readKey, "viewDashboards");
    const after = Date.now();
    expect(access.user).toBeNull();
    expect(access.apiKeyId).toBe(id);
    expect(access.workspace).toMatchObject({ id: ws.id, slug: ws.slug });

    const stored = await db.current.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(stored.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(stored.lastUsedAt?.getTime()).toBeLessThanOrEqual(after);
  });

  test("lastUsedAt is kept to the minute: a use within a minute of the last one writes nothing", async () => {
    const ws = await workspace();
    const { key: readKey, id } = await key(ws.id, ["read"]);
    const setLastUsed = (at: Date) =>
      db.current.prisma.apiKey.update({ where: { id }, data: { lastUsedAt: at } });
    const lastUsed = async () =>
      (await db.current.prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt?.getTime();

    const recent = new Date(Date.now() - 30_000);
    await setLastUsed(recent);
    await resolveApiKeyAccess(db.current.prisma, readKey, "viewDashboards");
    expect(await lastUsed()).toBe(recent.getTime());

    const old = new Date(Date.now() - 61_000);
    await setLastUsed(old);
    const before = Date.now();
    await resolveApiKeyAccess(db.current.prisma, readKey, "viewDashboards");
    expect(await lastUsed()).toBeGreaterThanOrEqual(before);
  });

  test("a key acts in its own workspace only: the workspace comes from the key", async () => {
    const first = await workspace();
    const second = await workspace();
    const { key: secondKey } = await key(second.id, ["read"]);
    const access = await resolveApiKeyAccess(db.current.prisma, secondKey, "viewDashboards");
    expect(access.workspace.id).toBe(second.id);
    expect(access.workspace.id).not.toBe(first.id);
  });

  test("an unknown key is unauthenticated", async () => {
    const error = await expectAppError(
      resolveApiKeyAccess(db.current.prisma, "rsn_thisKeyWasNeverIssued", "viewDashboards"),
      "unauthenticated",
    );
    expect(error.status).toBe(401);
  });

  test("a revoked key is unauthenticated and is not marked as used", async () => {
    const ws = await workspace();
    const { key: readKey, id } = await key(ws.id, ["read"]);
    await revokeApiKey(db.current.prisma, ws.id, id);
    await expectAppError(
      resolveApiKeyAccess(db.current.prisma, readKey, "viewDashboards"),
      "unauthenticated",
    );
    const stored = await db.current.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(stored.lastUsedAt).toBeNull();
  });

  test("an ingest-only key may not view dashboards (forbidden)", async () => {
    const ws = await workspace();
    const { key: ingestKey } = await key(ws.id, ["ingest"]);
    const error = await expectAppError(
      resolveApiKeyAccess(db.current.prisma, ingestKey, "viewDashboards"),
      "forbidden",
    );
    expect(error.status).toBe(403);
  });

  test.each(["viewDashboards", "exportAggregates"] as const)(
    "the read scope is implied for %s",
    async (permission) => {
      const ws = await workspace();
      const { key: readKey } = await key(ws.id, ["read"]);
      const access = await resolveApiKeyAccess(db.current.prisma, readKey, permission);
      expect(access.workspace.id).toBe(ws.id);
    },
  );

  test.each(["viewCustomers", "importData", "manageSegments", "administer"] as const)(
    "no scope is implied for %s: even a key with every scope is forbidden",
    async (permission) => {
      const ws = await workspace();
      const { key: fullKey } = await key(ws.id, ["read", "ingest"]);
      await expectAppError(resolveApiKeyAccess(db.current.prisma, fullKey, permission), "forbidden");
    },
  );

  test("the ingest scope grants ingestEvents and acts with a role that may ingest, nothing more", async () => {
    const ws = await workspace();
    const { key: ingestKey } = await key(ws.id, ["ingest"]);
    const { key: readKey } = await key(ws.id, ["read"]);

    const access = await resolveApiKeyAccess(db.current.prisma, ingestKey, "ingestEvents");
    expect(access.workspace.id).toBe(ws.id);
    expect(access.role).toBe("analyst");
    const readAccess = await resolveApiKeyAccess(db.current.prisma, readKey, "viewDashboards");
    expect(readAccess.role).toBe("executive");
    const error = await expectAppError(
      resolveApiKeyAccess(db.current.prisma, readKey, "ingestEvents"),
      "forbidden",
    );
    expect(error.message).toContain('"ingest" scope');
  });
});
