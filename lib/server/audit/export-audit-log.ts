import "server-only";

import { zonedDate } from "@/lib/date-window";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auditLogFilter } from "@/lib/schemas/audit";
import { recordAudit } from "@/lib/server/audit";
import type { Access } from "@/lib/server/auth/guard";
import { AppError } from "@/lib/server/errors";

import { auditLogCsvLines } from "./audit-log-csv";

/**
 * The CSV export of the audit log for the filters in `searchParams`: records
 * `export.audit_log` (with the filters) first, then streams the rows.
 */
export async function exportAuditLog(
  prisma: PrismaClient,
  access: Pick<Access, "workspace" | "user">,
  searchParams: URLSearchParams,
): Promise<Response> {
  const parsed = auditLogFilter.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) {
    const message = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "query"}: ${issue.message}`,
    );
    throw new AppError("invalid_input", message.join("; "));
  }
  const filter = parsed.data;
  const { workspace } = access;
  await recordAudit({
    action: "export.audit_log",
    workspaceId: workspace.id,
    userId: access.user?.id ?? null,
    targetType: "audit_log",
    details: { filters: { ...filter } },
  });
  const lines = auditLogCsvLines(prisma, workspace, filter);
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
  const name = `audit-log_${workspace.slug}_${zonedDate(new Date(), workspace.timeZone)}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
