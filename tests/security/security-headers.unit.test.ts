import { describe, expect, test } from "vitest";

import {
  createNonce,
  isApiPath,
  isAssetPath,
  isServedOverHttps,
  NON_PAGE_CONTENT_SECURITY_POLICY,
  securityHeaders,
} from "@/lib/security/security-headers";

/** A policy as directive name → its sources, so tests read one directive at a time. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("page headers", () => {
  const page = securityHeaders({ kind: "page", nonce: "bm9uY2U=", https: false, dev: false });
  const csp = directives(page["Content-Security-Policy"]);

  test("scripts run only with this response's nonce (or loaded by such a script): no inline, no eval", () => {
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(page["Content-Security-Policy"]).not.toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  test("everything else is same-origin only; no plugins, no foreign base or form targets", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "blob:", "data:"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });

  test("no one may frame a page: frame-ancestors 'none' and X-Frame-Options DENY", () => {
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(page["X-Frame-Options"]).toBe("DENY");
  });

  test("the fixed headers: referrer, sniffing, features, opener", () => {
    expect(page["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(page["X-Content-Type-Options"]).toBe("nosniff");
    expect(page["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    const features = page["Permissions-Policy"].split(", ");
    for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]) {
      expect(features).toContain(feature);
    }
    // The API key dialog copies the new key: the clipboard stays allowed.
    expect(page["Permissions-Policy"]).not.toContain("clipboard");
  });

  test("over plain HTTP: no HSTS and no upgrade-insecure-requests (there is no https:// to go to)", () => {
    expect(page["Strict-Transport-Security"]).toBeUndefined();
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  test("over HTTPS: HSTS for a year and upgrade-insecure-requests", () => {
    const secure = securityHeaders({ kind: "page", nonce: "abc", https: true, dev: false });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(directives(secure["Content-Security-Policy"]).has("upgrade-insecure-requests")).toBe(true);
  });

  test("the dev server adds 'unsafe-eval' for React's debugging aids, and nothing else", () => {
    const dev = securityHeaders({ kind: "page", nonce: "abc", https: false, dev: true });
    expect(directives(dev["Content-Security-Policy"]).get("script-src")).toEqual([
      "'self'",
      "'nonce-abc'",
      "'strict-dynamic'",
      "'unsafe-eval'",
    ]);
  });

  test("a page policy without a nonce is refused rather than sent without one", () => {
    expect(() => securityHeaders({ kind: "page", https: false, dev: false })).toThrow(/nonce/);
  });
});

describe("API and static responses", () => {
  test("may load nothing and be framed by no one; the other headers are the same as for pages", () => {
    const other = securityHeaders({ kind: "other", https: true, dev: false });
    expect(other["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(other["Content-Security-Policy"]).toBe(NON_PAGE_CONTENT_SECURITY_POLICY);
    expect(other["X-Frame-Options"]).toBe("DENY");
    expect(other["X-Content-Type-Options"]).toBe("nosniff");
    expect(other["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  test.each([
    ["/api/v1/events", true, false],
    ["/api", true, false],
    ["/apiary", false, false], // a workspace slug, not the API
    ["/_next/static/chunks/app.js", false, true],
    ["/_next/image?url=x", false, true],
    ["/favicon.ico", false, true],
    ["/nordlys/customers/jane.doe", false, false], // a dot does not make a page an asset
    ["/sign-in", false, false],
  ])("%s: API %s, asset %s", (path, api, asset) => {
    expect(isApiPath(path)).toBe(api);
    expect(isAssetPath(path)).toBe(asset);
  });
});

describe("isServedOverHttps", () => {
  const headers = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});

  test("with no AUTH_URL the proxy's X-Forwarded-Proto decides (its first value)", () => {
    expect(isServedOverHttps(headers("https"), {})).toBe(true);
    expect(isServedOverHttps(headers("HTTPS, http"), {})).toBe(true);
    expect(isServedOverHttps(headers("http"), {})).toBe(false);
    expect(isServedOverHttps(headers(), {})).toBe(false);
  });

  test("AUTH_URL, when set, decides as it does for Auth.js's cookies", () => {
    expect(isServedOverHttps(headers("http"), { AUTH_URL: "https://resonans.example.com" })).toBe(true);
    expect(isServedOverHttps(headers("https"), { AUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(isServedOverHttps(headers(), { NEXTAUTH_URL: "https://resonans.example.com" })).toBe(true);
  });
});

test("nonces are 128 random bits and never repeat", () => {
  const nonces = new Set(Array.from({ length: 1000 }, createNonce));
  expect(nonces.size).toBe(1000);
  for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
});
