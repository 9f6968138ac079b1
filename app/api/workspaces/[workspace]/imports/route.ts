import fs from "node:fs";

import { NextResponse } from "next/server";
import { z } from "zod";

import { importFileName, importOptions } from "@/lib/schemas/import";
import { withAuth } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { createImport } from "@/lib/server/import/create-import";
import { wakeImportRunner } from "@/lib/server/import/import-runner";
import { toImportView } from "@/lib/server/import/import-view";
import { listImports } from "@/lib/server/import/manage-imports";
import { receiveUpload } from "@/lib/server/import/receive-upload";

/** Reads a header that must hold JSON, or refuses the request with the header's name. */
function headerJson(request: Request, name: string): unknown {
  const value = request.headers.get(name);
  if (!value) throw new AppError("invalid_input", `Send the import options in the ${name} header (JSON).`);
  try {
    return JSON.parse(decodeURIComponent(value));
  } catch {
    throw new AppError("invalid_input", `The ${name} header is not JSON.`);
  }
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((issue) => `${[what, ...issue.path].join(".")}: ${issue.message}`);
  throw new AppError("invalid_input", reasons.join("; "));
}

// GET /api/workspaces/:workspace/imports — the import history, newest first
export const GET = withAuth(
  async (_request, access) => {
    const batches = await listImports(await getPrisma(), access.workspace.id);
    return NextResponse.json({ imports: batches.map(toImportView) });
  },
  { permission: "importData", allowApiKey: false },
);

// POST /api/workspaces/:workspace/imports — upload a file (the raw body) and queue its import.
// Headers: X-Import-File-Name (URI-encoded) and X-Import-Options (JSON, lib/schemas/import.ts).
export const POST = withAuth(
  async (request, access) => {
    const fileName = parseOrThrow(
      importFileName,
      decodeURIComponent(request.headers.get("x-import-file-name") ?? ""),
      "fileName",
    );
    const options = parseOrThrow(importOptions, headerJson(request, "x-import-options"), "options");
    const filePath = await receiveUpload(request, access.workspace.id);
    const prisma = await getPrisma();
    try {
      const batch = await createImport(prisma, {
        workspaceId: access.workspace.id,
        fileName,
        filePath,
        options,
        createdById: access.user?.id ?? null,
      });
      wakeImportRunner();
      const createdBy = access.user ? { name: access.user.name, email: access.user.email } : null;
      return NextResponse.json({ import: toImportView({ ...batch, createdBy }) }, { status: 201 });
    } catch (error) {
      await fs.promises.rm(filePath, { force: true });
      throw error;
    }
  },
  { permission: "importData", allowApiKey: false },
);
