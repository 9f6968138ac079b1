import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

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

/** Appends one entry to the audit log; pass a transaction to write it with the change it records. */
export async function recordAudit(entry: AuditEntry, prisma?: Prisma.TransactionClient): Promise<void> {
  const client = prisma ?? (await getPrisma());
  await client.auditLog.create({ data: entry });
}
