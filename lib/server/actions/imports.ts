"use server";

import { z } from "zod";

import { importBatchId } from "@/lib/schemas/import";
import { recordAudit } from "@/lib/server/audit";
import { workspaceAction } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { deleteImportEvents } from "@/lib/server/import/delete-import-events";
import { wakeImportRunner } from "@/lib/server/import/import-runner";
import { toImportView } from "@/lib/server/import/import-view";
import { cancelImport, resumeImport } from "@/lib/server/import/manage-imports";

const importRef = z.strictObject({ id: importBatchId });

// Cancels a queued or running import; what it committed so far stays until its events are deleted.
export const cancelImportAction = workspaceAction("importData", importRef, async ({ id }, access) => {
  const prisma = await getPrisma();
  const batch = await cancelImport(prisma, access.workspace.id, id);
  await recordAudit(
    {
      action: "import.cancelled",
      workspaceId: access.workspace.id,
      userId: access.user?.id,
      targetType: "import",
      targetId: String(id),
    },
    prisma,
  );
  return toImportView(batch);
});

// Queues a cancelled or failed import again; it continues from where it stopped.
export const resumeImportAction = workspaceAction("importData", importRef, async ({ id }, access) => {
  const batch = await resumeImport(await getPrisma(), access.workspace.id, id);
  wakeImportRunner();
  return toImportView(batch);
});

// Deletes every event one import stored and rebuilds what they fed (admins only; audit-logged).
export const deleteImportEventsAction = workspaceAction("administer", importRef, async ({ id }, access) =>
  deleteImportEvents(await getPrisma(), access.workspace.id, id, access.user?.id ?? null),
);
