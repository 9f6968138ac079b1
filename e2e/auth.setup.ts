import { expect, test as setup } from "@playwright/test";

import { DEMO_PASSWORD, demoEmail, ROLES, storageStatePath } from "./support/e2e-env";

// Signs in once per role through the real form and keeps the session for the other tests.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(demoEmail(role));
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/nordlys-sport\/overview/);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
