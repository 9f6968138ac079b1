import { expect, test } from "@playwright/test";

import { SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";

const SECTIONS = [
  "Overview",
  "Frequency",
  "Relevance",
  "Journeys",
  "Segments",
  "Customers",
  "Loyalty",
  "Data",
  "Settings",
];

test.describe("admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("every sidebar page opens, and a screenshot of each is saved", async ({ page }) => {
    await page.goto("/nordlys-sport/overview");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const section of SECTIONS) {
      await nav.getByRole("link", { name: section, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
      await expect(nav.getByRole("link", { name: section, exact: true })).toHaveAttribute(
        "aria-current",
        "page",
      );
      // Once every tile has its data (a loading tile is aria-busy), so the screenshot shows the page.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
      await page.screenshot({
        path: `${SCREENSHOT_DIR}/${section.toLowerCase()}-admin.png`,
        fullPage: true,
      });
    }
  });

  test("an unknown workspace is not found", async ({ page }) => {
    const response = await page.goto("/someone-else/overview");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("sign-in page", () => {
  test("screenshot", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in.png` });
  });
});

test.describe("roles", () => {
  test.describe("executive", () => {
    test.use({ storageState: storageStatePath("executive") });
    test("sees no customer-level pages and is refused them by URL", async ({ page }) => {
      await page.goto("/nordlys-sport/overview");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Loyalty" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Customers" })).toHaveCount(0);
      await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
      const response = await page.goto("/nordlys-sport/customers");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: /does not give access/ })).toBeVisible();
      const customer = await page.goto("/nordlys-sport/customers/c-000001");
      expect(customer?.status()).toBe(403);
      const list = await page.request.get("/api/v1/metrics/optout/customers?workspace=nordlys-sport");
      expect(list.status()).toBe(403);
    });
  });

  test.describe("manager", () => {
    test.use({ storageState: storageStatePath("manager") });
    test("cannot open admin settings", async ({ page }) => {
      const response = await page.goto("/nordlys-sport/settings");
      expect(response?.status()).toBe(403);
    });
  });

  test.describe("analyst", () => {
    test.use({ storageState: storageStatePath("analyst") });
    test("can open customers and data, not settings", async ({ page }) => {
      await page.goto("/nordlys-sport/customers");
      await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
      await page.goto("/nordlys-sport/data");
      await expect(page.getByRole("heading", { level: 1, name: "Data" })).toBeVisible();
      const response = await page.goto("/nordlys-sport/settings");
      expect(response?.status()).toBe(403);
    });
  });
});

test.describe("workspaces", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("an admin of two workspaces switches between them; an empty one says so", async ({ page }) => {
    await page.goto("/nordlys-sport/overview");
    await page.getByLabel("Workspace").selectOption("fjord-friluft");
    await expect(page).toHaveURL(/\/fjord-friluft\/overview/);
    await expect(page.getByRole("heading", { name: "No customer data yet" })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/overview-empty-workspace.png` });
    await page.getByLabel("Workspace").selectOption("nordlys-sport");
    await expect(page.getByTestId("kpi-contacts")).toBeVisible();
  });

  test("a user of one workspace cannot open another", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath("manager") });
    const page = await context.newPage();
    const response = await page.goto("/fjord-friluft/overview");
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
