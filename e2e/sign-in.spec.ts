import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, demoEmail, storageStatePath } from "./support/e2e-env";

test.describe("signed out", () => {
  test("a visit to a page redirects to sign-in", async ({ page }) => {
    await page.goto("/nordlys-sport/overview");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("a wrong password shows an error and keeps the user on sign-in", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(demoEmail("manager"));
    await page.getByLabel("Password").fill(`${DEMO_PASSWORD}-wrong`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the server redirects a signed-out request before rendering anything", async ({ request }) => {
    const response = await request.get("/nordlys-sport/overview", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain("/sign-in");
  });
});

test.describe("sign-out", () => {
  test("signs the user out, after which pages redirect to sign-in", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(demoEmail("analyst"));
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/overview/);
    await page.waitForLoadState("networkidle");
    await page.locator("summary").filter({ hasText: "Anna Analyst" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/nordlys-sport/overview");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("signed in", () => {
  test.use({ storageState: storageStatePath("admin") });
  test("a saved session opens the app directly", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/nordlys-sport\/overview/);
  });
});
