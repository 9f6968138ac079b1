import { expect, test } from "@playwright/test";

import { SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";

// One page view in Nordlys Sport, far outside the Overview's asserted window (2026-10-04 to
// 2026-10-31) and its comparison period; a page_viewed is never a contact either. Posting it
// again in a later run is a duplicate, still answered 200.
const EVENT_BATCH = {
  events: [{ type: "page_viewed", customerId: "c-e2e-1", timestamp: "2025-11-15T10:00:00Z" }],
};

test.describe("admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("creates an ingest key, sees it once, sends an event with it, revokes it, and it is refused", async ({
    page,
    context,
    request,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const name = `E2E ingest ${Date.now()}`; // the e2e database is kept between runs

    await page.goto("/nordlys-sport/settings");
    await expect(page).toHaveURL(/\/nordlys-sport\/settings\/api-keys$/);
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }),
    ).toHaveAttribute("aria-current", "page");

    // An empty submission is refused with zod's messages next to the fields.
    const nameField = page.getByLabel("Name");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText("A name is required.")).toBeVisible();
    await expect(page.getByText("At least one scope: ingest, read.")).toBeVisible();
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    await expect(nameField).toBeFocused();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-api-keys-errors.png`, fullPage: true });

    // The form works from the keyboard: type the name, tick "ingest", submit.
    await nameField.fill(name);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("checkbox", { name: /^ingest/ })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: /^ingest/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /^read/ })).not.toBeChecked();
    await nameField.press("Enter");

    const shown = page.getByRole("dialog", { name: "Copy your new API key" });
    await expect(shown).toBeVisible();
    await expect(shown).toContainText("This is the only time the key is shown.");
    const key = await shown.getByLabel("API key").inputValue();
    expect(key).toMatch(/^rsn_[A-Za-z0-9_-]{43}$/);
    await shown.getByRole("button", { name: "Copy key" }).click();
    await expect(shown.getByText("Copied to the clipboard.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // The list behind the dialog has refreshed: the new key, by its prefix only.
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(`${key.slice(0, 10)}…`);
    await expect(row).toHaveAttribute("data-status", "active");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-api-keys-new-key.png`, fullPage: true });

    await shown.getByRole("button", { name: "I have stored the key" }).click();
    await expect(shown).toBeHidden();
    await expect(page.getByRole("textbox", { name: "API key" })).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(key);

    // The key works for ingestion...
    const send = () =>
      request.post("/api/v1/events", { headers: { Authorization: `Bearer ${key}` }, data: EVENT_BATCH });
    const accepted = await send();
    expect(accepted.status()).toBe(200);
    const result = await accepted.json();
    expect(result.accepted + result.duplicates).toBe(1);

    // ...and the list says it was just used; the full key is still nowhere on the page.
    await page.reload();
    await expect(row.getByRole("cell").filter({ hasText: "just now" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(key);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-api-keys.png`, fullPage: true });

    // Revoking asks first; cancelling changes nothing.
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-api-keys-revoke.png`, fullPage: true });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toHaveAttribute("data-status", "active");

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toHaveAttribute("data-status", "revoked");
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-api-keys-revoked.png`, fullPage: true });

    const refused = await send();
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthenticated");
  });
});

test.describe("admin of a workspace without keys", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("sees the empty state and the form", async ({ page }) => {
    await page.goto("/fjord-friluft/settings/api-keys");
    await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create key" })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-api-keys-empty.png`, fullPage: true });
  });
});

for (const role of ["manager", "analyst"] as const) {
  test.describe(role, () => {
    test.use({ storageState: storageStatePath(role) });

    test("does not see Settings and is refused the API keys page (403)", async ({ page }) => {
      await page.goto("/nordlys-sport/overview");
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }),
      ).toHaveCount(0);
      for (const path of ["/nordlys-sport/settings", "/nordlys-sport/settings/api-keys"]) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(403);
        await expect(page.getByRole("heading", { name: /does not give access/ })).toBeVisible();
        await expect(page.getByRole("heading", { name: "API keys" })).toHaveCount(0);
      }
    });
  });
}
