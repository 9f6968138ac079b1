import { recordAudit } from "@/lib/server/audit";
import { withAuth } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { errorReportLines } from "@/lib/server/import/error-report";
import { getImport, importIdParam } from "@/lib/server/import/manage-imports";

// GET /api/workspaces/:workspace/imports/:id/errors — the error report: every rejected row
// with its line number and reasons, as CSV, streamed (recorded as export.import_errors)
export const GET = withAuth(
  async (_request, access, context) => {
    const id = importIdParam((await context.params).id);
    const prisma = await getPrisma();
    const batch = await getImport(prisma, access.workspace.id, id);
    await recordAudit({
      action: "export.import_errors",
      workspaceId: access.workspace.id,
      userId: access.user?.id,
      targetType: "import",
      targetId: String(batch.id),
      details: { fileName: batch.fileName, rejectedRows: batch.rejected },
    });
    const lines = errorReportLines(prisma, access.workspace.id, batch.id);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    const name = `${batch.fileName.replace(/\.[^.]+$/, "")}-errors.csv`.replace(/[^\w.-]/g, "_");
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "importData", allowApiKey: false },
);
