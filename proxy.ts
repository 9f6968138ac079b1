// Sets the security headers of every response (lib/security/security-headers.ts) and redirects
// signed-out visitors of pages to the sign-in page. Not a security boundary for data: pages,
// server actions and route handlers check the session through lib/server/auth/guard.
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import NextAuth from "next-auth";

import { authConfig } from "@/lib/auth/auth.config";
import {
  createNonce,
  isApiPath,
  isAssetPath,
  isServedOverHttps,
  securityHeaders,
} from "@/lib/security/security-headers";

const { auth } = NextAuth(authConfig);
// Auth.js's proxy form (what `export { auth as default }` uses, missing from its types): runs the
// authorized() callback and answers with the sign-in redirect or a pass-through response.
const checkSession = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const https = isServedOverHttps(request.headers);
  const dev = process.env.NODE_ENV === "development";
  const { pathname } = request.nextUrl;

  if (isApiPath(pathname) || isAssetPath(pathname)) {
    return withHeaders(NextResponse.next(), securityHeaders({ kind: "other", https, dev }));
  }

  const nonce = createNonce();
  const headers = securityHeaders({ kind: "page", nonce, https, dev });
  const authResponse = await checkSession(request, event);
  if (authResponse.headers.has("location")) return withHeaders(authResponse, headers);

  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Auth.js may refresh the session cookie on the way.
  for (const cookie of authResponse.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return withHeaders(response, headers);
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Every request, static files included, so that every response carries the headers.
export const config = { matcher: ["/:path*"] };
