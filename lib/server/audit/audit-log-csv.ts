import "server-only";

import type { AuditActor, AuditLogRow } from "@/lib/audit/audit-log-row";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditLogFilter } from "@/lib/schemas/audit";

import { readAuditLogRows } from "./audit-log-rows";

const PAGE = 2_000;

export const AUDIT_CSV_HEADER = "time,action,actor_type,actor,actor_email,target_type,target_id,details,ip";

/** RFC 4180 field; a leading =, +, - or @ is prefixed with ' so spreadsheets show it as text. */
function field(value: string | null): string {
  if (value === null) return "";
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function actorFields(actor: AuditActor): [string, string | null, string | null] {
  if (actor.kind === "user") return ["user", actor.name ?? actor.email, actor.email];
  if (actor.kind === "apiKey") return ["api_key", actor.name ?? actor.id, null];
  return ["system", null, null];
}

function csvLine(row: AuditLogRow): string {
  const [actorType, actor, email] = actorFields(row.actor);
  const details = row.details === null || row.details === undefined ? null : JSON.stringify(row.details);
  return [
    row.at.toISOString(),
    row.action,
    actorType,
    actor,
    email,
    row.targetType,
    row.targetId,
    details,
    row.ip,
  ]
    .map(field)
    .join(",");
}

/**
 * The filtered audit log as CSV lines (header first, CRLF), newest first, read page by page
 * on a (time, id) cursor so a long log streams without being held in memory. Times are UTC
 * instants (ISO 8601); details are the entry's JSON.
 */
export async function* auditLogCsvLines(
  prisma: PrismaClient,
  workspace: { id: number; timeZone: string },
  filter: AuditLogFilter,
): AsyncGenerator<string> {
  yield `${AUDIT_CSV_HEADER}\r\n`;
  let cursor: { at: Date; id: string } | undefined;
  for (;;) {
    const rows = await readAuditLogRows(prisma, workspace, filter, { limit: PAGE, cursor });
    if (rows.length === 0) return;
    yield rows.map((row) => `${csvLine(row)}\r\n`).join("");
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    cursor = { at: last.at, id: last.id };
  }
}
