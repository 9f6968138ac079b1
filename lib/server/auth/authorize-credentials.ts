import "server-only";

import { z } from "zod";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { recordAudit } from "../audit";

import { verifyPassword } from "./password";
import { InvalidCredentials, SignInLocked } from "./sign-in-errors";
import { activeLockUntil, recordSignInFailure, recordSignInSuccess } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * Checks an e-mail and password for Auth.js's credentials provider, with throttling: a locked
 * address or IP is refused before the password is looked at (SignInLocked), a wrong one is
 * counted and may lock (SignInLocked on the failure that locks, InvalidCredentials otherwise),
 * a right one clears the address's count. Every outcome is audit-logged. Unknown addresses
 * are counted and locked exactly like known ones, so the answers never tell which exist.
 */
export async function authorizeCredentials(
  prisma: PrismaClient,
  raw: unknown,
  ip: string | null,
  now = new Date(),
): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidCredentials();
  const { email, password } = parsed.data;
  const attempt = { email, ip };

  const lockedUntil = await activeLockUntil(prisma, attempt, now);
  if (lockedUntil) {
    await recordAudit({ action: "auth.signin_failed", ip, details: { email, reason: "locked" } }, prisma);
    throw new SignInLocked(lockedUntil);
  }

  const user = await prisma.user.findUnique({ where: { email } });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : false;
  if (!user || !ok) {
    await recordAudit({ action: "auth.signin_failed", ip, details: { email } }, prisma);
    const locked = await recordSignInFailure(prisma, attempt, now);
    throw locked ? new SignInLocked(locked) : new InvalidCredentials();
  }

  await recordSignInSuccess(prisma, attempt);
  await recordAudit({ action: "auth.signin", userId: user.id, ip }, prisma);
  return { id: user.id, email: user.email, name: user.name };
}
