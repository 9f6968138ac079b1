import type { NextAuthConfig } from "next-auth";

export const SIGN_IN_PATH = "/sign-in";

/**
 * The edge-safe half of the Auth.js configuration, shared by the proxy and the server.
 * The proxy only redirects signed-out visitors; every page, action and route handler
 * still checks the session itself through the guard in lib/server/auth.
 */
export const authConfig = {
  pages: { signIn: SIGN_IN_PATH },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      if (pathname === SIGN_IN_PATH || pathname.startsWith("/api/")) return true;
      return Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
