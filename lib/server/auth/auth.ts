import "server-only";

import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { authConfig } from "@/lib/auth/auth.config";
import { getPrisma } from "@/lib/server/db";

import { authorizeCredentials } from "./authorize-credentials";
import { clientIp } from "./client-ip";

/** The server's Auth.js configuration: the edge-safe half plus the credentials provider. */
export const serverAuthConfig = {
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        return authorizeCredentials(await getPrisma(), raw, clientIp(request.headers));
      },
    }),
  ],
} satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(serverAuthConfig);
