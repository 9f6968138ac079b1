import fs from "node:fs";

import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";

import type { SaturationCurve } from "@/lib/metrics/frequency";

import { OVERVIEW_WINDOW, SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";

const WINDOW = OVERVIEW_WINDOW;
const PAGE = `/nordlys-sport/frequency?from=${WINDOW.from}&to=${WINDOW.to}`;

// The analyst's journey: a saturation bucket → the customers behind it → one timeline, and a
// chart's CSV export holding exactly the rows on screen.
test.describe("analyst", () => {
  test.use({ storageState: storageStatePath("analyst") });

  test("drills from a saturation bucket to its customers and opens a timeline", async ({ page }) => {
    const response = await page.request.get("/api/v1/metrics/saturation", {
      params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to },
    });
    const curve = ((await response.json()) as { result: SaturationCurve }).result;
    const bucket = curve.buckets.find((row) => row.bucket === "3-5")!;
    expect(bucket.customers).toBeGreaterThan(0);

    await page.goto(PAGE);
    const tile = page.getByTestId("tile-saturation");
    await expect(tile).toHaveAttribute("aria-busy", "false");
    await tile.getByRole("button", { name: "Table", exact: true }).click();
    await tile.getByRole("link", { name: new Intl.NumberFormat("en-GB").format(bucket.customers) }).click();

    await expect(page).toHaveURL(/\/nordlys-sport\/customers\?.*filter=/);
    await expect(page).toHaveURL(new RegExp(`from=${WINDOW.from}`));
    await expect(page.getByTestId("drill-filter")).toContainText("(3, 5]");
    await expect(page.getByTestId("customer-count")).toHaveAttribute("data-total", String(bucket.customers));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/customers.png`, fullPage: true });

    const first = page.getByTestId("customer-table").getByRole("row").nth(1).getByRole("link");
    const customerId = (await first.textContent())!.trim();
    await first.click();
    await expect(page.getByRole("heading", { level: 1, name: customerId })).toBeVisible();
    await expect(page.getByTestId("customer-timeline")).toBeVisible();
    const contacts = Number(await page.getByTestId("customer-window-contacts").getAttribute("data-value"));
    // (3, 5] contacts a week over the 28 days (4.006 weeks across the DST change): 13 to 20 contacts.
    expect(contacts).toBeGreaterThanOrEqual(13);
    expect(contacts).toBeLessThanOrEqual(20);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/customer.png`, fullPage: true });
  });

  test("exports a chart's CSV with exactly the rows on screen", async ({ page }) => {
    await page.goto(PAGE);
    const tile = page.getByTestId("tile-saturation");
    await expect(tile).toHaveAttribute("aria-busy", "false");
    await tile.getByRole("button", { name: "Table", exact: true }).click();
    const shownRows = await tile.getByRole("row").count();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      tile.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const lines = parse(fs.readFileSync((await download.path())!, "utf8"), { bom: true }) as string[][];
    expect(lines).toHaveLength(shownRows); // header + one line per bucket, as on screen
    expect(lines[0]).toEqual([
      "Contacts per week (bucket)",
      "Customers",
      "Contacts",
      "Click rate",
      "Unsubscribed",
      "Complained",
      "Click rate (previous period)",
    ]);
    expect(lines[1][0]).toBe("(0, 1]");
    const cells = lines.slice(1);
    const response = await page.request.get("/api/v1/metrics/saturation", {
      params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to },
    });
    const curve = ((await response.json()) as { result: SaturationCurve }).result;
    expect(cells.map((row) => Number(row[1]))).toEqual(curve.buckets.map((bucket) => bucket.customers));
    expect(cells.map((row) => Number(row[2]))).toEqual(curve.buckets.map((bucket) => bucket.contacts));
    // The comparison period's click rate, as the API computes it for the previous period.
    const compared = await page.request.get("/api/v1/metrics/saturation", {
      params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to, compare: "previous" },
    });
    const previous = ((await compared.json()) as { comparison: SaturationCurve }).comparison;
    expect(cells.map((row) => (row[6] === "" ? null : Number(row[6])))).toEqual(
      previous.buckets.map((bucket) => bucket.clickRate),
    );
  });
});
