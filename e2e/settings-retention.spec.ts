import { expect, test } from "@playwright/test";

import { SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";

// The demo workspace has no retention policy and must keep it that way: the server's daily
// retention job would otherwise delete the events every other spec counts. This spec only
// ever saves "keep forever" (with either mode), which the job never acts on.

test.describe("admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("sees the policy, the cutoff the months imply, refused months, and saves keep-forever", async ({
    page,
  }) => {
    await page.goto("/nordlys-sport/settings/retention");
    await expect(page.getByRole("heading", { level: 2, name: "Retention" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Retention" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("No policy: every event is kept.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Run now" })).toBeDisabled();
    await expect(page.getByLabel("Forever")).toBeChecked();
    await expect(page.getByLabel("Months", { exact: true })).toBeDisabled();

    // Months: the cutoff they would give today is shown as they are typed.
    await page.getByLabel("For a number of months").check();
    await page.getByLabel("Months", { exact: true }).fill("6");
    await expect(page.getByTestId("retention-cutoff-preview")).toContainText("affects events from before");

    // Out of bounds: refused next to the field, which takes the focus; nothing is saved.
    await page.getByLabel("Months", { exact: true }).fill("0");
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Enter a whole number of months from 1 to 120.")).toBeVisible();
    await expect(page.getByLabel("Months", { exact: true })).toBeFocused();
    await expect(page.getByLabel("Months", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-retention-errors.png`, fullPage: true });

    // Keep forever with the anonymise mode, then back to delete: both saved, neither runs.
    await page.getByLabel("Forever").check();
    await page.getByLabel(/^Anonymise/).check();
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Policy saved." })).toBeVisible();
    await page.getByLabel(/^Delete/).check();
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Policy saved." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Forever")).toBeChecked();
    await expect(page.getByLabel(/^Delete/)).toBeChecked();
  });
});

test.describe("executive", () => {
  test.use({ storageState: storageStatePath("executive") });

  test("cannot open the retention settings", async ({ page }) => {
    const response = await page.goto("/nordlys-sport/settings/retention");
    expect(response?.status()).toBe(403);
  });
});
