import { expect, test } from "@playwright/test";

import { storageStatePath } from "./support/e2e-env";
import { loadedTile } from "./support/tiles";

const PAGE = "/nordlys-sport/loyalty";

test.describe("a tile that fails", () => {
  test.use({ storageState: storageStatePath("executive") });

  test("shows the server's message and a retry, while the other tiles load", async ({ page }) => {
    let fail = true;
    await page.route("**/api/v1/metrics/cohorts?**", (route) =>
      fail
        ? route.fulfill({
            status: 503,
            contentType: "application/json",
            body: JSON.stringify({
              error: { code: "unavailable", message: "The database is busy; try again in a moment." },
            }),
          })
        : route.continue(),
    );
    await page.goto(PAGE);

    const cohorts = page.getByTestId("tile-cohorts");
    const alert = cohorts.getByRole("alert");
    // The client tries three times more, a few seconds apart, before it shows the failure.
    await expect(alert).toContainText("This could not be loaded", { timeout: 20_000 });
    await expect(alert).toContainText("The database is busy; try again in a moment.");
    // The others are not held up by it.
    await loadedTile(page, "loyalty-index");
    await expect(page.getByTestId("tile-loyalty-index").getByRole("alert")).toHaveCount(0);

    fail = false;
    await alert.getByRole("button", { name: "Try again" }).click();
    await loadedTile(page, "cohorts");
    await expect(cohorts.getByRole("alert")).toHaveCount(0);
    await expect(cohorts.getByRole("button", { name: "Export CSV" })).toBeVisible();
  });

  test("whose chart's code cannot be fetched offers a retry that draws it", async ({ page }) => {
    // Charts are fetched after the page's load event: refuse every script from then on.
    let block = false;
    page.on("load", () => {
      block = true;
    });
    await page.route("**/_next/static/chunks/**", (route) => (block ? route.abort() : route.continue()));
    await page.goto(PAGE);

    const trend = page.getByTestId("tile-loyalty-trend");
    const alert = trend.getByRole("alert");
    await expect(alert).toContainText("The chart could not be loaded");
    await expect(trend.locator(".recharts-surface")).toHaveCount(0);

    block = false;
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(trend.locator(".recharts-surface").first()).toBeVisible();
    await expect(alert).toHaveCount(0);
  });
});
