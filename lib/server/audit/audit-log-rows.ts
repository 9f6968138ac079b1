import "server-only";

import type { AuditActor, AuditLogRow } from "@/lib/audit/audit-log-row";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditLogFilter } from "@/lib/schemas/audit";
import { sqlInstant } from "@/lib/server/metrics/common/sql-instant";

import { auditLogWhere } from "./audit-log-where";

interface RawRow {
  id: string;
  at: Date;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  ip: string | null;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  apiKeyId: string | null;
  apiKeyName: string | null;
}

function toRow(raw: RawRow): AuditLogRow {
  const actor: AuditActor =
    raw.userId !== null && raw.userEmail !== null
      ? { kind: "user", id: raw.userId, name: raw.userName, email: raw.userEmail }
      : raw.apiKeyId !== null
        ? { kind: "apiKey", id: raw.apiKeyId, name: raw.apiKeyName }
        : { kind: "system" };
  return {
    id: raw.id,
    at: raw.at,
    action: raw.action,
    actor,
    targetType: raw.targetType,
    targetId: raw.targetId,
    details: raw.details,
    ip: raw.ip,
  };
}

/** Where a page starts: after this entry in the log's order (newest first). */
export interface AuditLogCursor {
  at: Date;
  id: string;
}

/**
 * Entries of the workspace matching the filter, newest first (time, then id), `limit` of
 * them after `cursor` or skipping `offset`. An entry made with an API key names it in
 * `details.apiKeyId`; only the workspace's own keys are looked up.
 */
export async function readAuditLogRows(
  prisma: PrismaClient,
  workspace: { id: number; timeZone: string },
  filter: AuditLogFilter,
  page: { limit: number; offset?: number; cursor?: AuditLogCursor },
): Promise<AuditLogRow[]> {
  const after = page.cursor
    ? Prisma.sql`AND (a."createdAt", a."id") < (${sqlInstant(page.cursor.at)}, CAST(${page.cursor.id} AS bigint))`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<RawRow[]>(Prisma.sql`
    SELECT CAST(a."id" AS text) AS "id", a."createdAt" AS "at", a."action", a."targetType", a."targetId",
      a."details", a."ip", u."id" AS "userId", u."name" AS "userName", u."email" AS "userEmail",
      k."id" AS "apiKeyId", k."name" AS "apiKeyName"
    FROM "AuditLog" a
    LEFT JOIN "User" u ON u."id" = a."userId"
    LEFT JOIN "ApiKey" k ON k."workspaceId" = ${workspace.id} AND k."id" = a."details"->>'apiKeyId'
    WHERE ${auditLogWhere(workspace.id, filter, workspace.timeZone)} ${after}
    ORDER BY a."createdAt" DESC, a."id" DESC
    LIMIT ${page.limit} OFFSET ${page.offset ?? 0}`);
  return rows.map(toRow);
}
