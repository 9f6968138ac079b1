import fs from "node:fs";

import { expect, type Page, test } from "@playwright/test";

import { bucketLabel } from "@/components/frequency/bucket-label";
import { shiftCalendarDate, zonedDate } from "@/lib/date-window";
import { formatPercent } from "@/lib/format";
import type { SaturationCurve } from "@/lib/metrics/frequency";
import type { MetricResponse } from "@/lib/metrics/query";

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

/**
 * The calendar dates of a preset's window, from the read API: without dates it answers for the
 * 28 days ending with the latest data, so its end (exclusive, an instant) gives the last day.
 */
async function defaultWindow(page: Page, preset: "7d" | "28d"): Promise<{ from: string; to: string }> {
  const response = await page.request.get("/api/v1/metrics/overview", {
    params: { workspace: "nordlys-sport" },
  });
  expect(response.ok()).toBe(true);
  const { query } = (await response.json()) as MetricResponse<unknown>;
  const to = zonedDate(new Date(Date.parse(query.to) - 1), query.timeZone);
  return { from: shiftCalendarDate(to, preset === "7d" ? -6 : -27), to };
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

  test("a custom range starts from the window on screen and each date changes one end", async ({ page }) => {
    await page.goto("/nordlys-sport/overview?range=7d");
    await expect(page.getByTestId("kpi-contacts")).toBeVisible();
    const anchor = await defaultWindow(page, "7d");

    await page.getByLabel("Date range").selectOption("custom");
    await expect(page).toHaveURL(new RegExp(`from=${anchor.from}&to=${anchor.to}`));
    await expect(page.getByLabel("Date range")).toHaveValue("custom");
    const from = page.getByLabel("From", { exact: true });
    const to = page.getByLabel("To", { exact: true });
    await expect(from).toHaveValue(anchor.from);
    await expect(to).toHaveValue(anchor.to);

    // Widen the start by a week: the KPIs follow the API's figure for the new window.
    const earlier = shiftCalendarDate(anchor.from, -7);
    await from.fill(earlier);
    await expect(page).toHaveURL(new RegExp(`from=${earlier}&to=${anchor.to}`));
    const response = await page.request.get("/api/v1/metrics/overview", {
      params: { workspace: "nordlys-sport", from: earlier, to: anchor.to },
    });
    const { result } = (await response.json()) as { result: { contacts: number } };
    await expect(page.getByTestId("kpi-contacts")).toHaveAttribute("data-value", String(result.contacts));

    // Back to a preset drops the dates.
    await page.getByLabel("Date range").selectOption("28d");
    await expect(page).toHaveURL(/range=28d/);
    await expect(page).not.toHaveURL(/from=/);
    await expect(from).toHaveCount(0);
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
