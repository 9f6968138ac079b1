import { type NextFetchEvent, NextRequest } from "next/server";
import { beforeAll, describe, expect, test } from "vitest";

// proxy.ts as Next.js runs it, without a server: requests in, responses out.
let proxy: (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "proxy-test-secret-proxy-test-secret-0123456789";
  proxy = (await import("@/proxy")).default;
});

async function call(path: string, headers: Record<string, string> = {}) {
  const request = new NextRequest(`http://localhost:3000${path}`, { headers });
  return proxy(request, {} as NextFetchEvent); // the event is only handed on, never used
}

describe("pages", () => {
  test("a signed-out page visit is redirected to sign-in, and the redirect carries the headers", async () => {
    const response = await call("/nordlys-sport/overview");
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/sign-in");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  test("the sign-in page passes, with the same nonce policy on the response and on the request Next.js renders", async () => {
    const response = await call("/sign-in");
    expect(response.headers.get("x-middleware-next")).toBe("1");
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    // NextResponse.next({ request }) hands the overridden request headers on like this.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(response.headers.get("x-middleware-override-headers")).toContain("content-security-policy");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  test("each page response gets its own nonce", async () => {
    const nonce = async () =>
      /'nonce-([^']+)'/.exec((await call("/sign-in")).headers.get("content-security-policy")!)![1];
    expect(await nonce()).not.toBe(await nonce());
  });

  test("behind an HTTPS proxy the page gets HSTS", async () => {
    const response = await call("/sign-in", { "x-forwarded-proto": "https" });
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("API and static files", () => {
  test.each(["/api/v1/events", "/api/auth/session", "/_next/static/chunks/main.js"])(
    "%s passes straight through (no session check) with the non-page policy",
    async (path) => {
      const response = await call(path);
      expect(response.headers.get("x-middleware-next")).toBe("1");
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-middleware-override-headers")).toBeNull();
    },
  );
});
