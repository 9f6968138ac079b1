import "server-only";

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

import { getPrisma } from "./db";

export interface AuditEntry {
  action: string;
  workspaceId?: number | null;
  userId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
}

/** Appends one entry to the audit log. */
export async function recordAudit(entry: AuditEntry, prisma?: PrismaClient): Promise<void> {
  const client = prisma ?? (await getPrisma());
  await client.auditLog.create({ data: entry });
}
