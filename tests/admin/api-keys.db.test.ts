import { createHash } from "node:crypto";

import { describe, expect, test } from "vitest";
import { ZodError } from "zod";

import { createApiKey, revokeApiKey } from "@/lib/server/admin/api-keys";

import { expectAppError, rejectionOf } from "../helpers/errors";
import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

const db = setupTestDatabase();

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

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
