import "server-only";

import { randomBytes } from "node:crypto";

import type { ApiKey, ApiKeyScope, PrismaClient } from "@/lib/generated/prisma/client";
import { type ApiKeyInput, apiKeyInput } from "@/lib/schemas/admin";
import { recordAudit } from "@/lib/server/audit";
import { hashApiKey } from "@/lib/server/auth/api-key-hash";
import { AppError } from "@/lib/server/errors";

export const API_KEY_PREFIX = "rsn_";

/** What lists show of a key: never its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  createdBy: { name: string | null; email: string } | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * Creates an API key and records `apikey.create` in the audit log in the same transaction.
 * The full key is returned once and only its SHA-256 is stored (keys are 256 random bits,
 * so a fast hash is enough: there is nothing to guess).
 */
export async function createApiKey(
  prisma: PrismaClient,
  workspaceId: number,
  input: ApiKeyInput,
  createdById: string | null = null,
  /** Only for the published demo key; real keys are always random. */
  fixedKey?: string,
): Promise<{ key: string; apiKey: ApiKey }> {
  const data = apiKeyInput.parse(input);
  const key = fixedKey ?? `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const scopes = [...new Set(data.scopes)];
  const apiKey = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        workspaceId,
        name: data.name,
        prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        hash: hashApiKey(key),
        scopes,
        createdById,
      },
    });
    await recordAudit(
      {
        action: "apikey.create",
        workspaceId,
        userId: createdById,
        targetType: "apikey",
        targetId: created.id,
        details: { name: created.name, scopes },
      },
      tx,
    );
    return created;
  });
  return { key, apiKey };
}

/**
 * Revokes a key of the workspace. Idempotent: revoking a revoked key keeps the first
 * revocation time and writes no second `apikey.revoke` audit entry.
 */
export async function revokeApiKey(
  prisma: PrismaClient,
  workspaceId: number,
  id: string,
  revokedById: string | null = null,
): Promise<ApiKey> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id, workspaceId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const apiKey = await tx.apiKey.findFirst({ where: { id, workspaceId } });
    if (!apiKey) throw new AppError("not_found", `No API key ${id} in this workspace.`);
    if (count > 0) {
      await recordAudit(
        {
          action: "apikey.revoke",
          workspaceId,
          userId: revokedById,
          targetType: "apikey",
          targetId: apiKey.id,
          details: { name: apiKey.name },
        },
        tx,
      );
    }
    return apiKey;
  });
}

/** The workspace's keys for the settings list: active ones first (newest first), then revoked ones. */
export async function listApiKeys(prisma: PrismaClient, workspaceId: number): Promise<ApiKeySummary[]> {
  return prisma.apiKey.findMany({
    where: { workspaceId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
      lastUsedAt: true,
      revokedAt: true,
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
  });
}
