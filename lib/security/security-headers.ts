/**
 * The security headers of every response, built in one place and set by proxy.ts
 * (docs/security.md, "Hardening"). Edge-safe: no Node APIs, no server-only imports.
 */

/** What the response is: a rendered page, or anything else (API, static asset). */
export type ResponseKind = "page" | "other";

export interface SecurityHeaderOptions {
  kind: ResponseKind;
  /** Pages only: the per-request nonce that Next.js puts on its own scripts. */
  nonce?: string;
  /** The browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
  https: boolean;
  /** `next dev`: React needs eval for its debugging aids. */
  dev: boolean;
}

/** HSTS for a year, subdomains included; sent only when the request arrived over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** Browser features the app never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "usb=()",
].join(", ");

/** For responses that are not pages (JSON, files): they may load nothing and be framed by no one. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The page policy. Scripts run only with this response's nonce (Next.js adds it to its own
 * scripts) or when loaded by such a script ('strict-dynamic'); no inline script without it.
 * Styles allow 'unsafe-inline' because React renders `style` attributes (Recharts' SVG, sized
 * bars) that a nonce cannot cover; style injection cannot run code.
 */
export function pageContentSecurityPolicy({
  nonce,
  https,
  dev,
}: {
  nonce: string;
  https: boolean;
  dev: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Over plain HTTP this would send the browser to an https:// that does not exist.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Every security header for one response, by name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  if (options.kind === "page" && !options.nonce) throw new Error("A page's policy needs a nonce.");
  const headers: Record<string, string> = {
    "Content-Security-Policy":
      options.kind === "page"
        ? pageContentSecurityPolicy({ nonce: options.nonce!, https: options.https, dev: options.dev })
        : NON_PAGE_CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (options.https) headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY;
  return headers;
}

/**
 * Whether the browser reached the server over HTTPS, decided as Auth.js decides its secure
 * cookies: the public address `AUTH_URL` when set, else `X-Forwarded-Proto` (set by the
 * TLS-terminating proxy in front of the server; Next.js fills it in from the socket when no
 * proxy did).
 */
export function isServedOverHttps(
  headers: Headers,
  env: Record<string, string | undefined> = process.env,
): boolean {
  const publicUrl = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (publicUrl) return publicUrl.trim().toLowerCase().startsWith("https://");
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

/** A fresh, unguessable nonce for one page response (128 random bits, base64). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Requests for build output (scripts, styles, optimised images): no session check needed. */
export function isAssetPath(pathname: string): boolean {
  return (
    pathname.startsWith("/_next/static/") ||
    pathname.startsWith("/_next/image") ||
    pathname === "/favicon.ico"
  );
}

/** Route handlers: JSON and files, never a page. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}
