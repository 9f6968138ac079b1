import { NextResponse } from "next/server";

import { importBatchId } from "@/lib/schemas/import";
import { withAuth } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { toImportView } from "@/lib/server/import/import-view";
import { getImport } from "@/lib/server/import/manage-imports";

// GET /api/workspaces/:workspace/imports/:id — one import with its progress
export const GET = withAuth(
  async (_request, access, context) => {
    const id = importBatchId.safeParse((await context.params).id);
    if (!id.success) throw new AppError("invalid_input", "The import id must be a positive whole number.");
    return NextResponse.json({ import: toImportView(await getImport(await getPrisma(), access.workspace.id, id.data)) });
  },
  { permission: "importData", allowApiKey: false },
);
