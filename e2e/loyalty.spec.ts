import fs from "node:fs";

import { expect, type Page, test } from "@playwright/test";

import { loyaltyVerdict } from "@/components/loyalty/loyalty-verdict";
import type { CohortTable, LoyaltyByPressure, LoyaltySummary, LoyaltyTrend } from "@/lib/metrics/loyalty";

import { SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";
import { dataValue, loadedTile, showTable } from "./support/tiles";

const PAGE = "/nordlys-sport/loyalty";
const number = (value: number, digits = 0) =>
  new Intl.NumberFormat("en-GB", { maximumFractionDigits: digits }).format(value);

/**
 * A metric of the read API with the signed-in session. Without dates the API takes the metric's
 * default window, 365 days ending with the latest data: what the page asks for by default.
 */
async function metric<T>(page: Page, name: string, dates: { from?: string; to?: string } = {}) {
  const response = await page.request.get(`/api/v1/metrics/${name}`, {
    params: { workspace: "nordlys-sport", ...dates },
  });
  expect(response.ok(), name).toBe(true);
  return ((await response.json()) as { result: T }).result;
}

test.describe("loyalty", () => {
  test.use({ storageState: storageStatePath("executive") });
  // Each metric reads a year of events, and the test asks the API for each one as well.
  test.slow();

  test("the executive sees every tile with the read API's numbers, over 12 months, and no customer", async ({
    page,
  }) => {
    // The chosen range is 7 days; loyalty still covers the year ending on its last day.
    await page.goto(`${PAGE}?range=7d`);
    await expect(page.getByRole("heading", { level: 1, name: "Loyalty" })).toBeVisible();
    await expect(page.getByTestId("loyalty-period")).toHaveText(/^12 months to \d{1,2} \w{3,4} \d{4}$/);

    const summary = await metric<LoyaltySummary>(page, "loyalty");
    const { current } = summary;
    expect(current.purchasers).toBeGreaterThan(0);
    const indexValue = current.index.value ?? NaN;
    await loadedTile(page, "loyalty-index");
    expect(await dataValue(page, "loyalty-index")).toBeCloseTo(indexValue, 9);
    await expect(page.getByTestId("loyalty-index")).toContainText(number(indexValue));
    await expect(page.getByTestId("loyalty-verdict")).toHaveAttribute(
      "data-verdict",
      loyaltyVerdict(indexValue),
    );
    for (const component of current.index.components) {
      expect(await dataValue(page, `loyalty-component-${component.id}`)).toBeCloseTo(
        component.value ?? NaN,
        9,
      );
    }
    await expect(page.getByTestId("loyalty-component-repeatPurchaseRate")).toContainText(
      `${number(current.repeatPurchasers)} of ${number(current.purchasers)}`,
    );

    await loadedTile(page, "repeat-risk");
    expect(await dataValue(page, "repeat-purchase-rate")).toBeCloseTo(current.repeatPurchaseRate ?? NaN, 9);
    expect(await dataValue(page, "at-risk-share")).toBeCloseTo(current.atRiskShare ?? NaN, 9);
    await expect(page.getByTestId("at-risk-share")).toContainText(
      `${number(current.atRiskCustomers)} of ${number(current.repeatCustomers)}`,
    );

    const trend = await metric<LoyaltyTrend>(page, "loyalty-trend");
    expect(trend.points).toHaveLength(12);
    const trendRows = (await showTable(await loadedTile(page, "loyalty-trend"))).locator("tbody tr");
    await expect(trendRows).toHaveCount(12);
    for (const [i, point] of trend.points.entries()) {
      if (point.index.value !== null)
        await expect(trendRows.nth(i)).toContainText(number(point.index.value, 1));
    }

    const cohorts = await metric<CohortTable>(page, "cohorts");
    const grid = (await loadedTile(page, "cohorts")).getByTestId("cohort-grid");
    await expect(grid.locator("tbody tr")).toHaveCount(cohorts.cohorts.length);
    for (const [i, cohort] of cohorts.cohorts.entries()) {
      const row = grid.locator("tbody tr").nth(i);
      await expect(row.getByTestId("cohort-size")).toHaveText(number(cohort.size));
      const first = cohort.retention[0];
      if (first.retention !== null) {
        expect(Number(await row.locator("td[data-value]").first().getAttribute("data-value"))).toBeCloseTo(
          first.retention,
          9,
        );
      }
    }

    const pressure = await metric<LoyaltyByPressure>(page, "loyalty-pressure");
    const buckets = (await showTable(await loadedTile(page, "loyalty-pressure"))).locator("tbody tr");
    await expect(buckets).toHaveCount(pressure.buckets.length);
    for (const [i, bucket] of pressure.buckets.entries()) {
      await expect(buckets.nth(i)).toContainText(number(bucket.customers));
    }

    // Aggregates only: no customer id on the page, nor in what the page was given.
    await expect(page.locator("main")).not.toContainText(/c-\d{6}/);
    const answers = JSON.stringify([summary, trend, cohorts, pressure]);
    expect(answers).not.toMatch(/customerId|c-\d{6}/);

    await page.getByTestId("tile-loyalty-trend").getByRole("button", { name: "Chart", exact: true }).click();
    await page
      .getByTestId("tile-loyalty-pressure")
      .getByRole("button", { name: "Chart", exact: true })
      .click();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/loyalty.png`, fullPage: true });
  });

  test("dates chosen by hand are kept, and the cohort CSV holds one line per cohort", async ({ page }) => {
    const dates = { from: "2026-05-01", to: "2026-10-31" };
    await page.goto(`${PAGE}?from=${dates.from}&to=${dates.to}`);
    await expect(page.getByTestId("loyalty-period")).toHaveCount(0);
    const summary = await metric<LoyaltySummary>(page, "loyalty", dates);
    await loadedTile(page, "loyalty-index");
    expect(await dataValue(page, "loyalty-index")).toBeCloseTo(summary.current.index.value ?? NaN, 9);

    const cohorts = await metric<CohortTable>(page, "cohorts", dates);
    const tile = await loadedTile(page, "cohorts");
    const download = page.waitForEvent("download");
    await tile.getByRole("button", { name: "Export CSV" }).click();
    const csv = fs.readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(cohorts.cohorts.length + 1);
    expect(lines[0].split(",").slice(0, 3)).toEqual(["First purchase", "Customers", "+1"]);
    expect(lines[1].split(",")[1]).toBe(String(cohorts.cohorts[0].size));
  });

  test("reads in Danish", async ({ page }) => {
    await page.goto(PAGE);
    await page
      .locator("summary")
      .filter({ hasText: /Erik|executive/i })
      .click();
    await page.getByRole("button", { name: "Dansk" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Loyalitet" })).toBeVisible();
    for (const id of ["loyalty-index", "loyalty-trend", "repeat-risk", "cohorts", "loyalty-pressure"]) {
      await loadedTile(page, id);
    }
    await expect(page.getByTestId("tile-loyalty-index")).toContainText("Loyalitetsindeks");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/loyalty-da.png`, fullPage: true });
  });
});
