// Redirects signed-out visitors to the sign-in page. Not a security boundary:
// pages, server actions and route handlers check the session through lib/server/auth/guard.
import NextAuth from "next-auth";

import { authConfig } from "@/lib/auth/auth.config";

const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.png$|.*\\.svg$).*)"],
};
