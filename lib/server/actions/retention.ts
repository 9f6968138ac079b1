"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { retentionPolicyInput } from "@/lib/schemas/retention";
import { workspaceAction } from "@/lib/server/auth/guard";
import { getDb } from "@/lib/server/db";
import { updateRetentionPolicy } from "@/lib/server/retention/retention-policy";
import { retentionBatchSize } from "@/lib/server/retention/retention-scheduler";
import { runRetention } from "@/lib/server/retention/run-retention";

const retentionPath = (slug: string) => `/${slug}/settings/retention`;

// Saves the workspace's retention policy (admins only); the service writes the audit entry.
export const saveRetentionPolicyAction = workspaceAction(
  "administer",
  retentionPolicyInput,
  async (policy, access) => {
    const db = await getDb();
    const { changed } = await updateRetentionPolicy(
      db.prisma,
      access.workspace.id,
      policy,
      access.user?.id ?? null,
    );
    revalidatePath(retentionPath(access.workspace.slug));
    return { changed };
  },
);

// Applies the saved policy now (admins only) and returns what the run deleted or anonymised.
export const runRetentionNowAction = workspaceAction("administer", z.object({}), async (_input, access) => {
  const db = await getDb();
  const result = await runRetention(db.prisma, access.workspace.id, {
    userId: access.user?.id ?? null,
    batchSize: retentionBatchSize(db),
  });
  revalidatePath(retentionPath(access.workspace.slug));
  return result && { events: result.events, customers: result.customers, mode: result.mode };
});
