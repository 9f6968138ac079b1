import { createHash } from "node:crypto";

import { describe, expect, test } from "vitest";
import { ZodError } from "zod";

import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/server/admin/api-keys";
import { resolveApiKeyAccess } from "@/lib/server/auth/guard";

import { expectAppError, rejectionOf } from "../helpers/errors";
import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let userCount = 0;

async function createUser(name: string): Promise<string> {
  userCount += 1;
  const user = await db.current.prisma.user.create({
    data: { email: `key-admin-${userCount}-${Date.now().toString(36)}@example.com`, name },
  });
  return user.id;
}

/** The audit entries about one key, oldest first. */
async function auditOf(workspaceId: number, keyId: string) {
  return db.current.prisma.auditLog.findMany({
    where: { workspaceId, targetType: "apikey", targetId: keyId },
    orderBy: { id: "asc" },
  });
}

/** Sets a key's timestamps with ISO strings, so the fixture means the same instants on both databases. */
async function setTimes(id: string, createdAt: string, revokedAt: string | null = null): Promise<void> {
  await db.current.sql.query(
    `UPDATE "ApiKey" SET "createdAt" = $1::timestamptz, "revokedAt" = $2::timestamptz WHERE "id" = $3`,
    [createdAt, revokedAt, id],
  );
}

describe("createApiKey", () => {
  test("returns the key once and stores only its SHA-256 and a short prefix", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const { key, apiKey } = await createApiKey(db.current.prisma, workspaceId, {
      name: "CRM sync",
      scopes: ["read"],
    });

    // rsn_ + 32 random bytes in base64url (43 characters).
    expect(key).toMatch(/^rsn_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.hash).toBe(sha256(key));
    expect(apiKey.prefix).toBe(key.slice(0, 10));
    expect(apiKey).toMatchObject({ workspaceId, name: "CRM sync", revokedAt: null, lastUsedAt: null });

    // Neither the key nor its secret part (after the shown prefix) is anywhere in the row.
    const [row] = await db.current.sql.query(`SELECT * FROM "ApiKey" WHERE "id" = $1`, [apiKey.id]);
    const stored = JSON.stringify(row);
    expect(stored).toContain(sha256(key));
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(10));
  });

  test("two keys are different", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const a = await createApiKey(db.current.prisma, workspaceId, { name: "a", scopes: ["read"] });
    const b = await createApiKey(db.current.prisma, workspaceId, { name: "b", scopes: ["read"] });
    expect(a.key).not.toBe(b.key);
    expect(a.apiKey.hash).not.toBe(b.apiKey.hash);
  });

  test("collapses duplicate scopes", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const { apiKey } = await createApiKey(db.current.prisma, workspaceId, {
      name: "dupes",
      scopes: ["read", "ingest", "read", "ingest"],
    });
    expect([...apiKey.scopes].sort()).toEqual(["ingest", "read"]);
    const stored = await db.current.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect([...stored.scopes].sort()).toEqual(["ingest", "read"]);
  });

  test("needs at least one scope", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const error = await rejectionOf(
      createApiKey(db.current.prisma, workspaceId, { name: "none", scopes: [] }),
    );
    expect(error).toBeInstanceOf(ZodError);
    expect(await db.current.prisma.apiKey.count({ where: { workspaceId } })).toBe(0);
  });
});

describe("revokeApiKey", () => {
  test("sets revokedAt to now and is idempotent (a second revoke keeps the first time)", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const { apiKey } = await createApiKey(db.current.prisma, workspaceId, {
      name: "old",
      scopes: ["ingest"],
    });

    const before = Date.now();
    const revoked = await revokeApiKey(db.current.prisma, workspaceId, apiKey.id);
    const after = Date.now();
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(revoked.revokedAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(revoked.revokedAt?.getTime()).toBeLessThanOrEqual(after);

    const again = await revokeApiKey(db.current.prisma, workspaceId, apiKey.id);
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    const stored = await db.current.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.revokedAt).toEqual(revoked.revokedAt);
  });

  test("cannot revoke another workspace's key: not_found, and the key stays valid", async () => {
    const owner = await createWorkspace(db.current.prisma);
    const other = await createWorkspace(db.current.prisma);
    const { apiKey } = await createApiKey(db.current.prisma, owner, { name: "theirs", scopes: ["read"] });

    const error = await expectAppError(revokeApiKey(db.current.prisma, other, apiKey.id), "not_found");
    expect(error.status).toBe(404);
    const stored = await db.current.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.revokedAt).toBeNull();
  });

  test("an unknown key id is not_found", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    await expectAppError(revokeApiKey(db.current.prisma, workspaceId, "no-such-key"), "not_found");
  });
});

describe("audit of API keys", () => {
  test("creating a key records apikey.create with who, which key and its scopes, never the key", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const adminId = await createUser("Ada Admin");
    const { key, apiKey } = await createApiKey(
      db.current.prisma,
      workspaceId,
      { name: "  Webshop  ", scopes: ["ingest", "ingest"] },
      adminId,
    );

    const entries = await auditOf(workspaceId, apiKey.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "apikey.create",
      workspaceId,
      userId: adminId,
      targetType: "apikey",
      targetId: apiKey.id,
      details: { name: "Webshop", scopes: ["ingest"] },
    });
    expect(JSON.stringify(entries[0].details)).not.toContain(key);
  });

  test("a key created without a user (command line, seed) is audited with no user", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const { apiKey } = await createApiKey(db.current.prisma, workspaceId, { name: "cli", scopes: ["read"] });
    const [entry] = await auditOf(workspaceId, apiKey.id);
    expect(entry).toMatchObject({ action: "apikey.create", userId: null });
  });

  test("revoking records apikey.revoke once: a second revoke changes nothing and is not audited", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const adminId = await createUser("Ada Admin");
    const { apiKey } = await createApiKey(db.current.prisma, workspaceId, { name: "old", scopes: ["read"] });

    await revokeApiKey(db.current.prisma, workspaceId, apiKey.id, adminId);
    await revokeApiKey(db.current.prisma, workspaceId, apiKey.id, adminId);

    const entries = await auditOf(workspaceId, apiKey.id);
    expect(entries.map((entry) => entry.action)).toEqual(["apikey.create", "apikey.revoke"]);
    expect(entries[1]).toMatchObject({ userId: adminId, workspaceId, details: { name: "old" } });
  });

  test("a refused revoke of another workspace's key writes no audit entry anywhere", async () => {
    const owner = await createWorkspace(db.current.prisma);
    const other = await createWorkspace(db.current.prisma);
    const { apiKey } = await createApiKey(db.current.prisma, owner, { name: "theirs", scopes: ["read"] });

    await expectAppError(revokeApiKey(db.current.prisma, other, apiKey.id), "not_found");
    expect(await db.current.prisma.auditLog.count({ where: { workspaceId: other } })).toBe(0);
    expect((await auditOf(owner, apiKey.id)).map((entry) => entry.action)).toEqual(["apikey.create"]);
  });
});

describe("a revoked key", () => {
  test("authenticates before it is revoked and is refused (unauthenticated) after", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const { key, apiKey } = await createApiKey(db.current.prisma, workspaceId, {
      name: "ingest",
      scopes: ["ingest"],
    });

    const access = await resolveApiKeyAccess(db.current.prisma, key, "ingestEvents");
    expect(access).toMatchObject({ apiKeyId: apiKey.id, workspace: { id: workspaceId } });

    await revokeApiKey(db.current.prisma, workspaceId, apiKey.id);
    const error = await expectAppError(
      resolveApiKeyAccess(db.current.prisma, key, "ingestEvents"),
      "unauthenticated",
    );
    expect(error.status).toBe(401);
  });
});

describe("listApiKeys", () => {
  test("lists active keys newest first, then revoked keys latest revoked first, with their creator", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    const adminId = await createUser("Ada Admin");
    const make = async (name: string) =>
      (await createApiKey(db.current.prisma, workspaceId, { name, scopes: ["ingest"] }, adminId)).apiKey.id;
    // created        revoked          → position
    // 1 Mar          —                → 2nd (active, older)
    // 5 Mar          —                → 1st (active, newest)
    // 6 Mar          7 Mar            → 4th (revoked earlier)
    // 2 Mar          8 Mar            → 3rd (revoked last)
    const oldActive = await make("old active");
    const newActive = await make("new active");
    const revokedEarly = await make("revoked early");
    const revokedLate = await make("revoked late");
    await setTimes(oldActive, "2026-03-01T10:00:00Z");
    await setTimes(newActive, "2026-03-05T10:00:00Z");
    await setTimes(revokedEarly, "2026-03-06T10:00:00Z", "2026-03-07T10:00:00Z");
    await setTimes(revokedLate, "2026-03-02T10:00:00Z", "2026-03-08T10:00:00Z");

    const keys = await listApiKeys(db.current.prisma, workspaceId);
    expect(keys.map((key) => key.name)).toEqual([
      "new active",
      "old active",
      "revoked late",
      "revoked early",
    ]);
    expect(keys[0]).toMatchObject({
      id: newActive,
      scopes: ["ingest"],
      lastUsedAt: null,
      revokedAt: null,
      createdBy: { name: "Ada Admin" },
    });
    expect(keys[0].prefix).toMatch(/^rsn_.{6}$/);
    expect(keys[2].revokedAt?.toISOString()).toBe("2026-03-08T10:00:00.000Z");
  });

  test("shows only the workspace's own keys and never a key's hash", async () => {
    const mine = await createWorkspace(db.current.prisma);
    const other = await createWorkspace(db.current.prisma);
    const { key } = await createApiKey(db.current.prisma, mine, { name: "mine", scopes: ["read"] });
    await createApiKey(db.current.prisma, other, { name: "not mine", scopes: ["read"] });

    const keys = await listApiKeys(db.current.prisma, mine);
    expect(keys.map((k) => k.name)).toEqual(["mine"]);
    expect(keys[0]).not.toHaveProperty("hash");
    expect(JSON.stringify(keys)).not.toContain(sha256(key));
    expect(keys[0].createdBy).toBeNull(); // created without a user
  });

  test("an empty workspace has no keys", async () => {
    const workspaceId = await createWorkspace(db.current.prisma);
    expect(await listApiKeys(db.current.prisma, workspaceId)).toEqual([]);
  });
});
