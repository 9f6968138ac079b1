import "server-only";

import type { Role } from "@/lib/auth/permissions";
import type { Membership, PrismaClient, User } from "@/lib/generated/prisma/client";
import { roleInput, type UserInput, userInput } from "@/lib/schemas/admin";
import { recordAudit } from "@/lib/server/audit";
import { hashPassword } from "@/lib/server/auth/password";
import { AppError } from "@/lib/server/errors";

/** Creates a user with a password (or updates the password and name of an existing one). */
export async function upsertUser(prisma: PrismaClient, input: UserInput): Promise<User> {
  const data = userInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  return prisma.user.upsert({
    where: { email: data.email },
    create: { email: data.email, name: data.name ?? null, passwordHash },
    update: { passwordHash, ...(data.name ? { name: data.name } : {}) },
  });
}

async function findUserOrThrow(prisma: Pick<PrismaClient, "user">, email: string): Promise<User> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new AppError("not_found", `No user with e-mail ${email}.`);
  return user;
}

/**
 * Gives a user a role in a workspace, adding the membership when there is none. Records
 * `membership.add` or `membership.role_change` (old and new role) with the change; setting
 * the role a member already has changes nothing and records nothing.
 */
export async function setRole(
  prisma: PrismaClient,
  workspaceId: number,
  email: string,
  role: Role,
  actorId: string | null = null,
): Promise<Membership> {
  const parsedRole = roleInput.parse(role);
  return prisma.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, email);
    const key = { workspaceId_userId: { workspaceId, userId: user.id } };
    const existing = await tx.membership.findUnique({ where: key });
    if (existing?.role === parsedRole) return existing;
    const membership = existing
      ? await tx.membership.update({ where: key, data: { role: parsedRole } })
      : await tx.membership.create({ data: { workspaceId, userId: user.id, role: parsedRole } });
    await recordAudit(
      {
        action: existing ? "membership.role_change" : "membership.add",
        workspaceId,
        userId: actorId,
        targetType: "user",
        targetId: user.id,
        details: existing
          ? { email: user.email, from: existing.role, to: parsedRole }
          : { email: user.email, role: parsedRole },
      },
      tx,
    );
    return membership;
  });
}

/** Removes a user from a workspace and records `membership.remove` with the role they had. */
export async function removeMember(
  prisma: PrismaClient,
  workspaceId: number,
  email: string,
  actorId: string | null = null,
): Promise<Membership> {
  return prisma.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, email);
    const key = { workspaceId_userId: { workspaceId, userId: user.id } };
    const existing = await tx.membership.findUnique({ where: key });
    if (!existing) throw new AppError("not_found", `${user.email} is not a member of this workspace.`);
    await tx.membership.delete({ where: key });
    await recordAudit(
      {
        action: "membership.remove",
        workspaceId,
        userId: actorId,
        targetType: "user",
        targetId: user.id,
        details: { email: user.email, role: existing.role },
      },
      tx,
    );
    return existing;
  });
}
