import "server-only";

import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

import { authConfig } from "@/lib/auth/auth.config";
import { getPrisma } from "@/lib/server/db";

import { recordAudit } from "../audit";

import { verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(1024),
});

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const prisma = await getPrisma();
        const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
        const ok = user?.passwordHash ? await verifyPassword(parsed.data.password, user.passwordHash) : false;
        if (!user || !ok) {
          await recordAudit({ action: "auth.signin_failed", details: { email: parsed.data.email } });
          throw new InvalidCredentials();
        }
        await recordAudit({ action: "auth.signin", userId: user.id });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
});
