import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { storageStatePath } from "./support/e2e-env";

const WINDOW = "from=2026-10-04&to=2026-10-31";
const PAGES = [
  "overview",
  "frequency",
  "relevance",
  "journeys",
  "segments",
  "customers",
  "customers/c-000705",
  "loyalty",
  "data",
  "settings/api-keys",
  "settings/retention",
  "settings/privacy",
];

/** WCAG 2.1 A and AA rules, once every tile has its data: no serious or critical violation. */
async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
  expect(serious, path).toEqual([]);
}

test.describe("accessibility (axe-core)", () => {
  test.use({ storageState: storageStatePath("admin") });

  for (const path of PAGES) {
    test(`${path} has no serious or critical violation`, async ({ page }) => {
      await expectAccessible(page, `/nordlys-sport/${path}?${WINDOW}`);
    });
  }
});

test.describe("accessibility of the sign-in page", () => {
  test("has no serious or critical violation", async ({ page }) => {
    await page.goto("/sign-in");
    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
      .analyze();
    expect(
      violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
    ).toEqual([]);
  });
});
