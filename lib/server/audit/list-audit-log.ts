import "server-only";

import type { AuditLogRow } from "@/lib/audit/audit-log-row";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditLogFilter } from "@/lib/schemas/audit";

import { readAuditLogRows } from "./audit-log-rows";

export const AUDIT_LOG_PAGE_SIZE = 50;

/**
 * One page (counted from 1) of the workspace's audit log, newest first, and whether another
 * follows. No total is counted: a long log would be read twice for a figure nobody needs.
 */
export async function listAuditLog(
  prisma: PrismaClient,
  workspace: { id: number; timeZone: string },
  filter: AuditLogFilter,
  page = 1,
  pageSize = AUDIT_LOG_PAGE_SIZE,
): Promise<{ rows: AuditLogRow[]; hasMore: boolean }> {
  if (!Number.isInteger(page) || page < 1) throw new RangeError("page must be a whole number ≥ 1");
  const rows = await readAuditLogRows(prisma, workspace, filter, {
    limit: pageSize + 1,
    offset: (page - 1) * pageSize,
  });
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

/** The workspace's members, for the log's user filter: name or e-mail, in that order. */
export async function listAuditUsers(prisma: PrismaClient, workspaceId: number) {
  const members = await prisma.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return members
    .map(({ user }) => ({ id: user.id, label: user.name ? `${user.name} (${user.email})` : user.email }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
