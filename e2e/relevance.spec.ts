import fs from "node:fs";

import { expect, type Page, test } from "@playwright/test";

import { readCalibration } from "@/components/relevance/calibration-reading";
import { formatNumber, formatPercent } from "@/lib/format";
import type { CustomerList } from "@/lib/metrics/journeys";
import type {
  RelevanceBandCustomer,
  RelevanceByCampaignRow,
  RelevanceByTopicRow,
  RelevanceCalibration,
  RelevanceDistribution,
  RelevanceSummary,
  SendVsWant,
} from "@/lib/metrics/relevance";

import { OVERVIEW_WINDOW, SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";
import { dataValue, loadedTile, showTable } from "./support/tiles";

const WINDOW = OVERVIEW_WINDOW;
const PAGE = `/nordlys-sport/relevance?from=${WINDOW.from}&to=${WINDOW.to}`;
const number = (value: number) => new Intl.NumberFormat("en-GB").format(value);

/** A metric of the read API for the page's window, with the signed-in session. */
async function metric<T>(page: Page, name: string): Promise<T> {
  const response = await page.request.get(`/api/v1/metrics/${name}`, {
    params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to },
  });
  expect(response.ok(), name).toBe(true);
  return ((await response.json()) as { result: T }).result;
}

test.describe("relevance", () => {
  test.use({ storageState: storageStatePath("analyst") });

  test("every tile shows the read API's numbers for the same window", async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.getByRole("heading", { level: 1, name: "Relevance" })).toBeVisible();

    const summary = await metric<RelevanceSummary>(page, "relevance");
    expect(summary.contacts).toBeGreaterThan(0);
    await loadedTile(page, "relevance-summary");
    expect(await dataValue(page, "relevance-mean-relevance")).toBeCloseTo(summary.meanRelevance ?? NaN, 9);
    expect(await dataValue(page, "relevance-coverage")).toBeCloseTo(summary.coverage ?? NaN, 9);
    expect(await dataValue(page, "relevance-irrelevant-share")).toBeCloseTo(
      summary.irrelevantShare ?? NaN,
      9,
    );
    await expect(page.getByTestId("relevance-coverage")).toContainText(
      `${number(summary.scoredContacts)} of ${number(summary.contacts)} contacts`,
    );

    const gap = await metric<SendVsWant>(page, "gap");
    await loadedTile(page, "relevance-gap");
    expect(await dataValue(page, "relevance-gap-index")).toBeCloseTo(gap.gapIndex ?? NaN, 9);

    // Send vs want: one row per topic, the topic sent most beyond what is wanted first.
    const byGap = [...gap.topics].sort(
      (a, b) => (b.sendShare ?? 0) - (b.wantShare ?? 0) - ((a.sendShare ?? 0) - (a.wantShare ?? 0)),
    );
    const sendVsWant = await showTable(await loadedTile(page, "send-vs-want"));
    await expect(sendVsWant.locator("tbody tr")).toHaveCount(gap.topics.length);
    await expect(sendVsWant.locator("tbody tr").first().locator("td").first()).toHaveText(byGap[0].topic);
    await expect(sendVsWant.locator("tbody tr").first()).toContainText(number(byGap[0].contacts));

    const topics = await metric<RelevanceByTopicRow[]>(page, "relevance-topics");
    const topicTable = await showTable(await loadedTile(page, "relevance-topics"));
    await expect(topicTable.locator("tbody tr")).toHaveCount(topics.length);

    const distribution = await metric<RelevanceDistribution>(page, "relevance-distribution");
    const bands = await showTable(await loadedTile(page, "relevance-distribution"));
    await expect(bands.locator("tbody tr")).toHaveCount(10);
    for (const [index, band] of distribution.bands.entries()) {
      await expect(bands.locator("tbody tr").nth(index)).toContainText(number(band.scoredContacts));
    }

    const calibration = await metric<RelevanceCalibration>(page, "relevance-calibration");
    const calibrationTile = await loadedTile(page, "relevance-calibration");
    await expect(page.getByTestId("relevance-calibration-reading")).toHaveAttribute(
      "data-kind",
      readCalibration(calibration.rows).kind,
    );
    const deciles = await showTable(calibrationTile);
    await expect(deciles.locator("tbody tr")).toHaveCount(calibration.rows.length);
    await expect(deciles.locator("tbody tr").last()).toContainText(number(calibration.rows.at(-1)!.contacts));

    await page.screenshot({ path: `${SCREENSHOT_DIR}/relevance.png`, fullPage: true });
  });

  test("the campaign table sorts, filters and exports what it shows", async ({ page }) => {
    await page.goto(PAGE);
    const campaigns = await metric<RelevanceByCampaignRow[]>(page, "relevance-campaigns");
    expect(campaigns.length).toBeGreaterThan(1);
    const tile = await loadedTile(page, "relevance-campaigns");
    const rows = tile.locator("tbody tr");
    await expect(rows).toHaveCount(campaigns.length);

    // Mean relevance: the largest first, then the smallest first; campaigns without a score last.
    const header = tile.getByRole("columnheader", { name: "Mean relevance" });
    await header.getByRole("button").click();
    await expect(header).toHaveAttribute("aria-sort", "descending");
    const scored = campaigns.filter((row) => row.meanRelevance !== null);
    const most = scored.reduce((a, b) => ((b.meanRelevance ?? 0) > (a.meanRelevance ?? 0) ? b : a));
    await expect(rows.first().locator("td").first()).toHaveText(most.campaignId ?? "(no campaign)");
    await header.getByRole("button").click();
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    const least = scored.reduce((a, b) => ((b.meanRelevance ?? 0) < (a.meanRelevance ?? 0) ? b : a));
    await expect(rows.first().locator("td").first()).toHaveText(least.campaignId ?? "(no campaign)");

    // Filtered on part of a campaign id: the rows and the CSV hold exactly the matches.
    const needle = (campaigns.find((row) => row.campaignId !== null)?.campaignId ?? "").slice(0, 4);
    const matching = campaigns.filter((row) => (row.campaignId ?? "(no campaign)").includes(needle));
    await tile.getByLabel("Filter by campaign").fill(needle);
    await expect(rows).toHaveCount(matching.length);
    const download = page.waitForEvent("download");
    await tile.getByRole("button", { name: "Export CSV" }).click();
    const csv = fs.readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(matching.length + 1);
    expect(lines[0].split(",")[0]).toBe("Campaign");
  });

  test("the distribution sets the comparison period beside the period, in chart and table", async ({
    page,
  }) => {
    const response = await page.request.get("/api/v1/metrics/relevance-distribution", {
      params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to, compare: "previous" },
    });
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as {
      result: RelevanceDistribution;
      comparison: RelevanceDistribution;
    };
    await page.goto(`${PAGE}&compare=previous`);
    const tile = await loadedTile(page, "relevance-distribution");
    await expect(tile.getByText("Previous period", { exact: true })).toBeVisible();
    const table = await showTable(tile);
    await expect(
      table.getByRole("columnheader", { name: "Scored contacts (previous period)" }),
    ).toBeVisible();
    const first = table.locator("tbody tr").first().locator("td");
    await expect(first.nth(1)).toHaveText(number(body.result.bands[0].scoredContacts));
    await expect(first.last()).toHaveText(number(body.comparison.bands[0].scoredContacts));

    // The calibration and send-vs-want carry the comparison too: a column each, and its gap index.
    const calibration = await page.request.get("/api/v1/metrics/relevance-calibration", {
      params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to, compare: "previous" },
    });
    const compared = ((await calibration.json()) as { comparison: RelevanceCalibration }).comparison;
    const calibrationTable = await showTable(await loadedTile(page, "relevance-calibration"));
    await expect(
      calibrationTable.getByRole("columnheader", { name: "Click rate (previous period)" }),
    ).toBeVisible();
    const percent = (value: number | null) => (value === null ? "—" : formatPercent(value, "en"));
    await expect(calibrationTable.locator("tbody tr").last().locator("td").last()).toHaveText(
      percent(compared.rows.at(-1)!.clickRate),
    );
    const gap = await page.request.get("/api/v1/metrics/gap", {
      params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to, compare: "previous" },
    });
    const comparedGap = ((await gap.json()) as { comparison: SendVsWant }).comparison;
    await loadedTile(page, "send-vs-want");
    await expect(page.getByTestId("send-vs-want-compared")).toHaveText(
      `Previous period: gap index ${formatNumber(comparedGap.gapIndex ?? NaN, "en", 1)}.`,
    );
  });

  test("a relevance band drills down to its customers, by a bar or by the picker", async ({ page }) => {
    type BandList = CustomerList<RelevanceBandCustomer>;
    const customers = async (band: string) => {
      const response = await page.request.get("/api/v1/metrics/relevance/customers", {
        params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to, band, limit: "25" },
      });
      expect(response.ok(), band).toBe(true);
      return ((await response.json()) as { result: BandList }).result;
    };
    await page.goto(PAGE);
    const distribution = await metric<RelevanceDistribution>(page, "relevance-distribution");
    const fullest = distribution.bands.reduce((a, b) => (b.scoredContacts > a.scoredContacts ? b : a));
    const index = distribution.bands.indexOf(fullest);
    const expected = await customers(fullest.band);
    expect(expected.rows.reduce((sum, row) => sum + row.contacts, 0)).toBeLessThanOrEqual(
      fullest.scoredContacts,
    );

    // A click on the fullest band's bar lists its customers, as the customer list endpoint has them.
    const tile = await loadedTile(page, "relevance-distribution");
    // The period's bars are the last series (the comparison period's stand beside them).
    await tile
      .locator(".recharts-bar-rectangles")
      .last()
      .locator(".recharts-bar-rectangle")
      .nth(index)
      .click();
    const rows = tile.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(Math.min(25, expected.total));
    await expect(rows.first().locator("td").first()).toHaveText(expected.rows[0].customerId);
    await expect(rows.first().locator("td").nth(1)).toHaveText(number(expected.rows[0].contacts));
    await expect(tile.getByRole("combobox", { name: "Customers with contacts in" })).toHaveValue(
      fullest.band,
    );

    // The calibration's picker reaches the contacts with a topic but no signal.
    const calibrationTile = await loadedTile(page, "relevance-calibration");
    const none = await customers("none");
    await calibrationTile.getByRole("combobox", { name: "Customers with contacts in" }).selectOption("none");
    await calibrationTile
      .getByRole("button", { name: /^Show the customers behind .* in no signal$/ })
      .click();
    const noneRows = calibrationTile.getByRole("table").locator("tbody tr");
    await expect(noneRows).toHaveCount(Math.min(25, none.total));

    // A customer id opens the customer's page, the window kept.
    await rows.first().getByRole("link", { name: expected.rows[0].customerId }).click();
    await expect(page).toHaveURL(
      new RegExp(`/customers/${expected.rows[0].customerId}\\?.*from=${WINDOW.from}`),
    );
    await expect(page.getByRole("heading", { level: 1 })).toContainText(expected.rows[0].customerId);
  });

  test("reads in Danish", async ({ page }) => {
    await page.goto(PAGE);
    await page
      .locator("summary")
      .filter({ hasText: /analyst|Anna/i })
      .click();
    await page.getByRole("button", { name: "Dansk" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Relevans" })).toBeVisible();
    for (const id of ["relevance-summary", "relevance-gap", "send-vs-want", "relevance-calibration"]) {
      await loadedTile(page, id);
    }
    await expect(page.getByTestId("tile-relevance-calibration")).toContainText("Forudsiger relevansen klik?");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/relevance-da.png`, fullPage: true });
  });
});
