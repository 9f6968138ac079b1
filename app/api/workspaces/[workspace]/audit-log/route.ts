import { exportAuditLog } from "@/lib/server/audit/export-audit-log";
import { withAuth } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";

// GET /api/workspaces/:workspace/audit-log?action=&user=&from=&to= — the filtered audit log
// as CSV, streamed, newest first (admins with a session only; recorded as export.audit_log)
export const GET = withAuth(
  async (request, access) => exportAuditLog(await getPrisma(), access, new URL(request.url).searchParams),
  { permission: "administer", allowApiKey: false },
);
