import "server-only";

import type { Role } from "@/lib/auth/permissions";
import type { PrismaClient, User } from "@/lib/generated/prisma/client";
import { roleInput, type UserInput, userInput } from "@/lib/schemas/admin";
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

/** Gives a user a role in a workspace, adding the membership when there is none. */
export async function setRole(prisma: PrismaClient, workspaceId: number, email: string, role: Role) {
  const parsedRole = roleInput.parse(role);
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new AppError("not_found", `No user with e-mail ${email}.`);
  return prisma.membership.upsert({
    where: { workspaceId_userId: { workspaceId, userId: user.id } },
    create: { workspaceId, userId: user.id, role: parsedRole },
    update: { role: parsedRole },
  });
}
