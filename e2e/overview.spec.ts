import fs from "node:fs";

import { expect, test } from "@playwright/test";

import { EXPECTED_FILE, OVERVIEW_WINDOW, ROLES, SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";
import type { ExpectedOverview } from "./support/expected-overview";

const expected = (): ExpectedOverview => JSON.parse(fs.readFileSync(EXPECTED_FILE, "utf8"));

for (const role of ROLES) {
  test.describe(`${role}`, () => {
    test.use({ storageState: storageStatePath(role) });

    test("sees the Overview with the numbers the database holds", async ({ page }) => {
      const want = expected();
      expect(want.contacts).toBeGreaterThan(0);
      await page.goto(`/nordlys-sport/overview?from=${OVERVIEW_WINDOW.from}&to=${OVERVIEW_WINDOW.to}`);
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

      const value = async (id: string) => page.getByTestId(`kpi-${id}`).getAttribute("data-value");
      await expect(page.getByTestId("kpi-contacts")).toHaveAttribute("data-value", String(want.contacts));
      expect(await value("contacted-customers")).toBe(String(want.contactedCustomers));
      expect(Number(await value("median-contacts-per-week"))).toBeCloseTo(
        want.medianContactsPerWeek ?? NaN,
        9,
      );
      expect(await value("contacts-after-opt-out")).toBe(String(want.contactsAfterOptOut));

      // The formatted figure is what a person reads, in the interface's language (English here).
      const shown = new Intl.NumberFormat("en-GB").format(want.contacts);
      await expect(page.getByTestId("kpi-contacts")).toContainText(shown);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/overview-${role}.png`, fullPage: true });
    });
  });
}

test.describe("date range", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("is kept in the URL and the back button restores it", async ({ page }) => {
    await page.goto("/nordlys-sport/overview");
    await expect(page.getByTestId("kpi-contacts")).toBeVisible();
    const before = await page.getByTestId("kpi-contacts").getAttribute("data-value");
    await page.getByLabel("Date range").selectOption("7d");
    await expect(page).toHaveURL(/range=7d/);
    await expect(page.getByTestId("kpi-contacts")).not.toHaveAttribute("data-value", before ?? "");
    await page.goBack();
    await expect(page).not.toHaveURL(/range=7d/);
    await expect(page.getByTestId("kpi-contacts")).toHaveAttribute("data-value", before ?? "");
  });
});
