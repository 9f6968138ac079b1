import "server-only";

import { randomBytes } from "node:crypto";

import type { ApiKey, PrismaClient } from "@/lib/generated/prisma/client";
import { type ApiKeyInput, apiKeyInput } from "@/lib/schemas/admin";
import { hashApiKey } from "@/lib/server/auth/api-key-hash";
import { AppError } from "@/lib/server/errors";

export const API_KEY_PREFIX = "rsn_";

/**
 * Creates an API key. The full key is returned once and only its SHA-256 is stored
 * (keys are 256 random bits, so a fast hash is enough: there is nothing to guess).
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
  const apiKey = await prisma.apiKey.create({
    data: {
      workspaceId,
      name: data.name,
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      hash: hashApiKey(key),
      scopes: [...new Set(data.scopes)],
      createdById,
    },
  });
  return { key, apiKey };
}

export async function revokeApiKey(prisma: PrismaClient, workspaceId: number, id: string): Promise<ApiKey> {
  const apiKey = await prisma.apiKey.findFirst({ where: { id, workspaceId } });
  if (!apiKey) throw new AppError("not_found", `No API key ${id} in this workspace.`);
  if (apiKey.revokedAt) return apiKey;
  return prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
}
