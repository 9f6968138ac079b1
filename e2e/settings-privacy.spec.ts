import { expect, test } from "@playwright/test";

import { SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";

// A customer id the seed never uses: requests for it change nothing, so the spec leaves the e2e
// database as it found it.
const UNKNOWN = "e2e-nobody-4711";

test.describe("admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("answers requests for an unknown customer clearly, and asks for the id again before erasing", async ({
    page,
  }) => {
    await page.goto("/nordlys-sport/settings/privacy");
    await expect(page.getByRole("heading", { level: 2, name: "Data-subject requests" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Data-subject requests" }),
    ).toHaveAttribute("aria-current", "page");

    // Nothing typed: the field says so and takes the focus.
    const field = page.getByLabel("Customer id");
    await page.getByRole("button", { name: "Download data (JSON)" }).click();
    await expect(page.getByText("Enter a customer id first.")).toBeVisible();
    await expect(field).toBeFocused();

    // An unknown customer: the download is refused on the page, not saved as a file.
    await field.fill(UNKNOWN);
    await page.getByRole("button", { name: "Download data (JSON)" }).click();
    await expect(
      page.getByText(`The download failed: No customer "${UNKNOWN}" in this workspace.`),
    ).toBeVisible();

    // Erase: the dialog explains both modes and wants the id typed again.
    await page.getByRole("button", { name: "Erase…" }).click();
    const dialog = page.getByRole("dialog", { name: `Erase customer ${UNKNOWN}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("radio", { name: /^Anonymise/ })).toBeChecked();
    await dialog.getByRole("radio", { name: /^Delete/ }).check();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-privacy-erase.png`, fullPage: true });
    await dialog.getByRole("button", { name: "Erase customer" }).click();
    await expect(dialog.getByText("The customer id you typed does not match.")).toBeVisible();
    await dialog.getByLabel("Type the customer id again to confirm").fill(UNKNOWN);
    await dialog.getByRole("button", { name: "Erase customer" }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText(`This workspace holds nothing about customer ${UNKNOWN}. Nothing was changed.`),
    ).toBeVisible();
  });
});

test.describe("analyst", () => {
  test.use({ storageState: storageStatePath("analyst") });

  test("cannot open the page or download a customer's data", async ({ page, request }) => {
    const response = await page.goto("/nordlys-sport/settings/privacy");
    expect(response?.status()).toBe(403);
    const download = await request.get("/api/workspaces/nordlys-sport/privacy/customers/c1/export");
    expect(download.status()).toBe(403);
  });
});
