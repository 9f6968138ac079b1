import "server-only";

import { shiftCalendarDate, zonedMidnight } from "@/lib/date-window";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditLogFilter } from "@/lib/schemas/audit";
import { sqlInstant } from "@/lib/server/metrics/common/sql-instant";

/** Where `a` (an "AuditLog" row) belongs to a workspace, and what a workspace's members did. */
function workspaceScope(workspaceId: number): Prisma.Sql {
  const members = Prisma.sql`SELECT m."userId" FROM "Membership" m WHERE m."workspaceId" = ${workspaceId}`;
  const memberEmails = Prisma.sql`
    SELECT u."email" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."workspaceId" = ${workspaceId}`;
  // Entries of no workspace (sign-ins, failed sign-ins, lockouts) show in every workspace the
  // user is a member of now: by their user, or by the e-mail address a failed attempt named.
  return Prisma.sql`(a."workspaceId" = ${workspaceId} OR (a."workspaceId" IS NULL AND (
    a."userId" IN (${members})
    OR (a."userId" IS NULL AND a."details"->>'email' IN (${memberEmails})))))`;
}

/**
 * The one SQL condition of the audit log's page and export: the workspace's entries (see
 * workspaceScope) narrowed by the filters. Days are the workspace's (`timeZone`), `to` inclusive.
 */
export function auditLogWhere(workspaceId: number, filter: AuditLogFilter, timeZone: string): Prisma.Sql {
  const conditions = [workspaceScope(workspaceId)];
  if (filter.action?.endsWith(".*")) {
    conditions.push(Prisma.sql`starts_with(a."action", ${filter.action.slice(0, -1)})`);
  } else if (filter.action) {
    conditions.push(Prisma.sql`a."action" = ${filter.action}`);
  }
  if (filter.user) {
    // A user's failed sign-ins name their e-mail address, not their id.
    conditions.push(Prisma.sql`(a."userId" = ${filter.user} OR (a."userId" IS NULL
      AND a."details"->>'email' = (SELECT u."email" FROM "User" u WHERE u."id" = ${filter.user})))`);
  }
  if (filter.from) {
    conditions.push(Prisma.sql`a."createdAt" >= ${sqlInstant(zonedMidnight(filter.from, timeZone))}`);
  }
  if (filter.to) {
    const end = zonedMidnight(shiftCalendarDate(filter.to, 1), timeZone);
    conditions.push(Prisma.sql`a."createdAt" < ${sqlInstant(end)}`);
  }
  return Prisma.join(conditions, " AND ");
}
