import { type APIResponse, expect, type Page, test } from "@playwright/test";

import { storageStatePath } from "./support/e2e-env";

// The server runs on plain HTTP here (no AUTH_URL), as a local install does.

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["x-powered-by"]).toBeUndefined();
}

function nonceOf(response: APIResponse): string {
  const match = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "");
  expect(match, "the page policy carries a nonce").not.toBeNull();
  return match![1];
}

/** Collects the browser's reports of anything the policy blocked. */
function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return violations;
}

test.describe("security headers", () => {
  test("a page: nonce-based script policy, no framing, no HSTS over plain HTTP", async ({ request }) => {
    const response = await request.get("/sign-in");
    expect(response.status()).toBe(200);
    expectCommonHeaders(response);
    const policy = response.headers()["content-security-policy"];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(response.headers()["strict-transport-security"]).toBeUndefined();

    // Next.js puts this response's nonce on its scripts; the next response has another one.
    const nonce = nonceOf(response);
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    expect(nonceOf(await request.get("/sign-in"))).not.toBe(nonce);
  });

  test("behind a TLS-terminating proxy (X-Forwarded-Proto: https): HSTS and upgrade-insecure-requests", async ({
    request,
  }) => {
    const response = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  test("API responses, answered or refused, load nothing and are framed by no one", async ({ request }) => {
    for (const path of ["/api/v1/openapi.json", "/api/v1/metrics/saturation?workspace=nordlys-sport"]) {
      const response = await request.get(path);
      expectCommonHeaders(response);
      expect(response.headers()["content-security-policy"]).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    }
  });

  test("static files carry the headers too", async ({ request }) => {
    const html = await (await request.get("/sign-in")).text();
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, "the page loads a script from /_next/static").toBeTruthy();
    const response = await request.get(script!);
    expect(response.status()).toBe(200);
    expectCommonHeaders(response);
  });

  test("the sign-in page runs under the policy without a single violation", async ({ page }) => {
    const violations = watchPolicyViolations(page);
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill("nobody@example.invalid");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    expect(violations).toEqual([]);
  });

  test.describe("signed in", () => {
    test.use({ storageState: storageStatePath("analyst") });

    test("the Overview's figures and the Frequency charts load under the policy", async ({ page }) => {
      const violations = watchPolicyViolations(page);
      await page.goto("/nordlys-sport/overview");
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
      // The tiles fetch their numbers in the browser: a figure means the scripts ran.
      await expect(page.getByTestId("kpi-contacts")).toHaveAttribute("data-value", /^\d+$/);
      await page.waitForLoadState("networkidle");
      // Recharts draws SVG with inline style attributes, which the style policy allows.
      await page.goto("/nordlys-sport/frequency");
      await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(violations).toEqual([]);
    });
  });
});

test.describe("sign-in lockout", () => {
  test("after five failed attempts the page says that too many were made and when to try again", async ({
    page,
  }) => {
    // An address no other spec uses, new on every run; it has no account, and unknown
    // addresses are locked exactly like real ones.
    const email = `lockout-${Date.now()}@example.invalid`;
    await page.goto("/sign-in");

    const attempt = async () => {
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill("not-the-password");
      await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in",
        ),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
      // The form's own alert (Next.js keeps an empty route announcer with the same role).
      return page.locator("form").getByRole("alert");
    };

    for (let i = 1; i <= 4; i += 1) {
      await expect(await attempt()).toContainText("do not match");
    }
    const locked = await attempt();
    await expect(locked).toContainText("Too many failed sign-in attempts.");
    await expect(locked).toContainText(/Try again in 1[45] minutes\./);
    await expect(page).toHaveURL(/\/sign-in/);

    // While locked, every attempt gets the same answer.
    await expect(await attempt()).toContainText("Too many failed sign-in attempts.");
  });
});
