import "server-only";

import os from "node:os";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A process claims an import batch with a lease: its owner name and a time until which the
 * claim holds. The worker renews it while it runs. A batch is free to claim when it is queued,
 * or running under a lease that has run out, or under a process of this machine that is gone
 * (killed): so a restarted server or CLI resumes at once, and another machine after the lease.
 */
export const LEASE_SECONDS = Number(process.env.RESONANS_IMPORT_LEASE_SECONDS ?? 30);

let processOwner: string | null = null;

/** This process's owner name: `<host>/<pid>/<random>`. */
export function leaseOwner(): string {
  processOwner ??= `${os.hostname()}/${process.pid}/${Math.random().toString(36).slice(2, 8)}`;
  return processOwner;
}

/** Whether the owner is a process of this machine that no longer runs. */
export function ownerIsGone(owner: string | null): boolean {
  if (!owner) return true;
  const [host, pid] = owner.split("/");
  if (host !== os.hostname() || owner === processOwner) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

export interface ClaimableBatch {
  workspaceId: number;
  id: number;
  status: string;
  leaseOwner: string | null;
  leaseUntil: Date | null;
}

export function isClaimable(batch: ClaimableBatch, now = new Date()): boolean {
  if (batch.status === "queued") return true;
  if (batch.status !== "running") return false;
  return !batch.leaseUntil || batch.leaseUntil < now || ownerIsGone(batch.leaseOwner);
}

/**
 * Claims the batch for this process if nobody else changed it since it was read (the owner
 * seen is part of the condition). Returns whether the claim succeeded.
 */
export async function claimBatch(prisma: PrismaClient, batch: ClaimableBatch): Promise<boolean> {
  if (!isClaimable(batch)) return false;
  const claimed = await prisma.$executeRaw(Prisma.sql`
    UPDATE "ImportBatch"
    SET "status" = 'running', "leaseOwner" = ${leaseOwner()},
      "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS}),
      "startedAt" = COALESCE("startedAt", now()), "error" = NULL
    WHERE "workspaceId" = ${batch.workspaceId} AND "id" = ${batch.id}
      AND "status" = CAST(${batch.status} AS "ImportStatus")
      AND "leaseOwner" IS NOT DISTINCT FROM ${batch.leaseOwner}`);
  return claimed === 1;
}

/** Renews this process's lease; false when the batch was cancelled or claimed by another. */
export async function renewLease(prisma: PrismaClient, workspaceId: number, id: number): Promise<boolean> {
  const renewed = await prisma.$executeRaw(Prisma.sql`
    UPDATE "ImportBatch" SET "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE "workspaceId" = ${workspaceId} AND "id" = ${id} AND "status" = 'running' AND "leaseOwner" = ${leaseOwner()}`);
  return renewed === 1;
}
