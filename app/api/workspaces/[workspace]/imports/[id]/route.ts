import { NextResponse } from "next/server";

import { withAuth } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { toImportView } from "@/lib/server/import/import-view";
import { getImport, importIdParam } from "@/lib/server/import/manage-imports";

// GET /api/workspaces/:workspace/imports/:id — one import with its progress
export const GET = withAuth(
  async (_request, access, context) => {
    const id = importIdParam((await context.params).id);
    return NextResponse.json({
      import: toImportView(await getImport(await getPrisma(), access.workspace.id, id)),
    });
  },
  { permission: "importData", allowApiKey: false },
);
