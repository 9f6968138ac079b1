import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { recordAudit } from "../audit";
import { sqlInstant } from "../metrics/common/sql-instant";

import { SIGN_IN_LIMITS, type SignInLimits } from "./sign-in-limits";

/** One sign-in attempt: the lower-cased e-mail address and the client IP, when known. */
export interface SignInAttempt {
  email: string;
  ip: string | null;
}

type Scope = "email" | "ip";

/** The SignInThrottle rows an attempt counts against: its address, and its IP when known. */
function throttleKeys(attempt: SignInAttempt): { scope: Scope; key: string }[] {
  const keys: { scope: Scope; key: string }[] = [{ scope: "email", key: `email:${attempt.email}` }];
  if (attempt.ip) keys.push({ scope: "ip", key: `ip:${attempt.ip}` });
  return keys;
}

/** When the lock that refuses this attempt ends, or null when neither its address nor its IP is locked. */
export async function activeLockUntil(
  prisma: PrismaClient,
  attempt: SignInAttempt,
  now = new Date(),
): Promise<Date | null> {
  const locked = await prisma.signInThrottle.findMany({
    where: { key: { in: throttleKeys(attempt).map((k) => k.key) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  return latest(locked.map((row) => row.lockedUntil!));
}

/**
 * Counts a failed attempt against its address and its IP, and locks each one that reached its
 * limit (writing `auth.signin_locked` with the lock). Returns when the lock ends if this
 * failure imposed one, else null.
 */
export async function recordSignInFailure(
  prisma: PrismaClient,
  attempt: SignInAttempt,
  now = new Date(),
  limits: SignInLimits = SIGN_IN_LIMITS,
): Promise<Date | null> {
  const imposed: Date[] = [];
  for (const { scope, key } of throttleKeys(attempt)) {
    const max = scope === "email" ? limits.maxFailuresPerEmail : limits.maxFailuresPerIp;
    const failures = await countFailure(prisma, key, now, limits.windowMs);
    if (failures < max) continue;
    const until = await lock(prisma, { scope, key, max, attempt, now, lockMs: limits.lockMs });
    if (until) imposed.push(until);
  }
  return latest(imposed);
}

/** A successful sign-in clears its address's failures (not its IP's: one good account must not reset them). */
export async function recordSignInSuccess(prisma: PrismaClient, attempt: SignInAttempt): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: `email:${attempt.email}` } });
}

/**
 * Adds one failure in one statement, so that concurrent attempts in several processes all
 * count: a window older than `windowMs` starts over at this failure. Returns the new count.
 */
async function countFailure(prisma: PrismaClient, key: string, now: Date, windowMs: number): Promise<number> {
  const windowFloor = sqlInstant(new Date(now.getTime() - windowMs));
  const [row] = await prisma.$queryRaw<{ failures: number }[]>(Prisma.sql`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart")
    VALUES (${key}, 1, ${sqlInstant(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" > ${windowFloor}
        THEN "SignInThrottle"."failures" + 1 ELSE 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" > ${windowFloor}
        THEN "SignInThrottle"."windowStart" ELSE ${sqlInstant(now)} END
    RETURNING "failures"`);
  return Number(row.failures);
}

/**
 * Locks a key whose count reached `max` and starts its count over, so that after the lock it
 * gets a full window again. Of concurrent failures that all reached the limit, one locks and
 * writes the audit entry; the others find the count already reset and return null.
 */
async function lock(
  prisma: PrismaClient,
  {
    scope,
    key,
    max,
    attempt,
    now,
    lockMs,
  }: {
    scope: Scope;
    key: string;
    max: number;
    attempt: SignInAttempt;
    now: Date;
    lockMs: number;
  },
): Promise<Date | null> {
  const until = new Date(now.getTime() + lockMs);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.signInThrottle.updateMany({
      where: { key, failures: { gte: max } },
      data: { failures: 0, windowStart: now, lockedUntil: until },
    });
    if (count === 0) return null;
    await recordAudit(
      {
        action: "auth.signin_locked",
        ip: attempt.ip,
        targetType: scope,
        details: { scope, email: attempt.email, failures: max, lockedUntil: until.toISOString() },
      },
      tx,
    );
    return until;
  });
}

function latest(dates: Date[]): Date | null {
  return dates.length === 0 ? null : new Date(Math.max(...dates.map((d) => d.getTime())));
}
