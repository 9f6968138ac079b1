import fs from "node:fs";

import { expect, test } from "@playwright/test";

import { bucketLabel } from "@/components/frequency/bucket-label";
import { formatPercent } from "@/lib/format";
import type { SaturationCurve } from "@/lib/metrics/frequency";

import { EXPECTED_FILE, OVERVIEW_WINDOW, ROLES, SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";
import type { ExpectedOverview } from "./support/expected-overview";
import { loadedTile, showTable } from "./support/tiles";

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

test.describe("comparison period", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("the saturation curve sets the comparison period's click rate and fatigue point beside the period's", async ({
    page,
  }) => {
    const response = await page.request.get("/api/v1/metrics/saturation", {
      params: {
        workspace: "nordlys-sport",
        from: OVERVIEW_WINDOW.from,
        to: OVERVIEW_WINDOW.to,
        compare: "previous",
      },
    });
    expect(response.ok()).toBe(true);
    const { comparison } = (await response.json()) as { comparison: SaturationCurve };
    await page.goto(
      `/nordlys-sport/overview?from=${OVERVIEW_WINDOW.from}&to=${OVERVIEW_WINDOW.to}&compare=previous`,
    );
    const tile = await loadedTile(page, "saturation");
    await expect(
      tile.locator(".recharts-legend-item-text", { hasText: "Click rate (previous period)" }),
    ).toBeVisible();
    const compared = comparison.fatiguePoint;
    await expect(tile.getByTestId("fatigue-compared")).toHaveText(
      compared
        ? `Previous period: fatigue from ${bucketLabel(compared.bucket)} contacts per week.`
        : "Previous period: no fatigue point.",
    );
    const table = await showTable(tile);
    await expect(table.getByRole("columnheader", { name: "Click rate (previous period)" })).toBeVisible();
    const first = comparison.buckets[0];
    await expect(table.locator("tbody tr").first().locator("td").last()).toHaveText(
      first.clickRate === null ? "—" : formatPercent(first.clickRate, "en"),
    );
  });
});
