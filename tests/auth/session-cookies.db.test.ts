import { Auth, skipCSRFCheck } from "@auth/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { serverAuthConfig } from "@/lib/server/auth/auth";
import { hashPassword } from "@/lib/server/auth/password";
import { useDatabaseForTests } from "@/lib/server/db";

import { setupTestDatabase } from "../helpers/test-database";

// Signs in through Auth.js's own credentials endpoint with the server's real configuration and
// database, and reads what the browser would be sent.

const db = setupTestDatabase();
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));

const PASSWORD = "session-cookie-password";
const HOUR = 3_600_000;

async function user(email: string) {
  return db.current.prisma.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) } });
}

function signIn(origin: string, email: string, password: string, ip: string) {
  const request = new Request(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: new URLSearchParams({ email, password, callbackUrl: "/" }),
  });
  return Auth(request, { ...serverAuthConfig, basePath: "/api/auth", secret: "s".repeat(44), skipCSRFCheck });
}

/** The Set-Cookie for the session token, split into its name and attributes. */
function sessionCookie(response: Response) {
  const header = response.headers.getSetCookie().find((c) => c.includes("authjs.session-token="));
  if (!header) return null;
  const [pair, ...attributes] = header.split(";").map((part) => part.trim());
  const expires = attributes.find((a) => a.startsWith("Expires="))?.slice("Expires=".length);
  return {
    name: pair.slice(0, pair.indexOf("=")),
    flags: attributes.filter((a) => !a.includes("=")),
    sameSite: attributes.find((a) => a.startsWith("SameSite="))?.slice("SameSite=".length),
    path: attributes.find((a) => a.startsWith("Path="))?.slice("Path=".length),
    expiresAt: expires ? new Date(expires).getTime() : null,
  };
}

describe("the session cookie", () => {
  test("over HTTPS: __Secure- prefixed, HttpOnly, Secure, SameSite=Lax, valid for 12 hours", async () => {
    await user("cookie-https@example.com");
    const before = Date.now();
    const response = await signIn(
      "https://resonans.example.com",
      "cookie-https@example.com",
      PASSWORD,
      "192.0.2.1",
    );
    expect(response.status).toBe(302);
    const cookie = sessionCookie(response);
    expect(cookie?.name).toBe("__Secure-authjs.session-token");
    expect(cookie?.flags).toEqual(expect.arrayContaining(["HttpOnly", "Secure"]));
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.path).toBe("/");
    // Expires is written to the second: 12 h from the sign-in, give or take that second.
    expect(cookie!.expiresAt! - before).toBeGreaterThan(12 * HOUR - 2_000);
    expect(cookie!.expiresAt! - Date.now()).toBeLessThanOrEqual(12 * HOUR);
  });

  test("over plain HTTP (a local install): HttpOnly and SameSite=Lax, without Secure or prefix", async () => {
    await user("cookie-http@example.com");
    const response = await signIn("http://localhost:3000", "cookie-http@example.com", PASSWORD, "192.0.2.2");
    const cookie = sessionCookie(response);
    expect(cookie?.name).toBe("authjs.session-token");
    expect(cookie?.flags).toContain("HttpOnly");
    expect(cookie?.flags).not.toContain("Secure");
    expect(cookie?.sameSite).toBe("Lax");
  });
});

describe("lockout through Auth.js", () => {
  test("the fifth failure redirects with code=locked; then the right password sets no session", async () => {
    const { id } = await user("cookie-locked@example.com");
    const origin = "http://localhost:3000";
    const ip = "192.0.2.3";
    const locations: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await signIn(origin, "cookie-locked@example.com", "wrong", ip);
      expect(sessionCookie(response)).toBeNull();
      locations.push(new URL(response.headers.get("location")!).search);
    }
    expect(locations.slice(0, 4)).toEqual(Array(4).fill("?error=CredentialsSignin&code=invalid_credentials"));
    expect(locations[4]).toBe("?error=CredentialsSignin&code=locked");

    const right = await signIn(origin, "cookie-locked@example.com", PASSWORD, ip);
    expect(new URL(right.headers.get("location")!).search).toBe("?error=CredentialsSignin&code=locked");
    expect(sessionCookie(right)).toBeNull();
    expect(await db.current.prisma.auditLog.count({ where: { action: "auth.signin", userId: id } })).toBe(0);
  });

  test("the client IP from X-Forwarded-For reaches the throttle and the audit log", async () => {
    const { id } = await user("cookie-ip@example.com");
    await signIn("http://localhost:3000", "cookie-ip@example.com", PASSWORD, "203.0.113.50, 192.0.2.4");
    const entry = await db.current.prisma.auditLog.findFirstOrThrow({
      where: { action: "auth.signin", userId: id },
    });
    expect(entry.ip).toBe("192.0.2.4");
  });
});
