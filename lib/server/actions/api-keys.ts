"use server";

import { revalidatePath } from "next/cache";

import { apiKeyIdInput, apiKeyInput } from "@/lib/schemas/admin";
import { createApiKey, revokeApiKey } from "@/lib/server/admin/api-keys";
import { workspaceAction } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";

const apiKeysPath = (slug: string) => `/${slug}/settings/api-keys`;

// Creates a workspace API key (admins only). The full key is in the result this once; the
// service stores its hash and writes the audit entry.
export const createApiKeyAction = workspaceAction("administer", apiKeyInput, async (input, access) => {
  const { key, apiKey } = await createApiKey(
    await getPrisma(),
    access.workspace.id,
    input,
    access.user?.id ?? null,
  );
  revalidatePath(apiKeysPath(access.workspace.slug));
  return { key, id: apiKey.id, name: apiKey.name, scopes: apiKey.scopes };
});

// Revokes a key of the workspace (admins only); revoking a revoked key changes nothing.
export const revokeApiKeyAction = workspaceAction("administer", apiKeyIdInput, async ({ id }, access) => {
  const apiKey = await revokeApiKey(await getPrisma(), access.workspace.id, id, access.user?.id ?? null);
  revalidatePath(apiKeysPath(access.workspace.slug));
  return { id: apiKey.id, revokedAt: apiKey.revokedAt };
});
