import fs from "node:fs";

import { expect, test, type Locator, type Page } from "@playwright/test";

import { SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";

// Imports go into the demo admin's second workspace, Fjord Friluft. Numbers show in the interface's
// language, English here, so 2000 shows as "2,000". pages.spec.ts expects that workspace to hold
// no data: the import test deletes its events again at the end and checks the Overview is empty,
// and cleans up after a failure.
const WORKSPACE = "fjord-friluft";
const DATA_PAGE = `/${WORKSPACE}/data`;
const shown = (value: number) => new Intl.NumberFormat("en-GB").format(value);

const HEADER =
  "event_type;customer_id;timestamp;channel;message_id;topic;topics;value;currency;traits.country";

/**
 * A semicolon-separated file with decimal commas: `valid` good rows cycling through four event
 * types, plus two bad ones — an e-mail address as customerId and a timestamp that is not ISO
 * 8601. Customer keys carry the run's id, so a re-run never meets the rows of an earlier one.
 * Data row k (0-based) sits on line k + 2: the header is line 1.
 */
function buildCsv(run: string, valid: number) {
  const rows: string[] = [];
  const bad = { email: 700, timestamp: 1400 };
  const start = Date.UTC(2026, 4, 1, 8, 0, 0);
  for (let i = 0; rows.length < valid + 2; i++) {
    if (rows.length === bad.email)
      rows.push(`page_viewed;ola.nordmann@example.com;2026-05-02T10:00:00Z;web;;;;;;`);
    if (rows.length === bad.timestamp) rows.push(`page_viewed;c-${run}-bad;31.12.2025 10:00;web;;;;;;`);
    const customer = `c-${run}-${i % 500}`;
    const at = new Date(start + i * 60_000).toISOString();
    switch (i % 4) {
      case 0: // the first data row, so the preview shows it: a purchase worth 1249,50 NOK
        rows.push(`purchased;${customer};${at};store;;;running|trail-running;1249,50;NOK;`);
        break;
      case 1:
        rows.push(`message_sent;${customer};${at};email;m-${run}-spring;running;;;;`);
        break;
      case 2:
        rows.push(`page_viewed;${customer};${at};web;;;;;;`);
        break;
      default:
        rows.push(`customer_updated;${customer};${at};;;;;;;NO`);
    }
  }
  return {
    text: [HEADER, ...rows].join("\n") + "\n",
    badLines: { email: bad.email + 2, timestamp: bad.timestamp + 2 },
  };
}

const importRow = (page: Page, fileName: string) =>
  page.getByTestId("import-row").filter({ hasText: fileName });

/** Cancels what still runs and deletes every import's events, so Fjord Friluft is empty again. */
async function deleteAllImportedEvents(page: Page) {
  await page.goto(DATA_PAGE);
  for (const cancel of await page.getByRole("button", { name: /^Cancel / }).all()) await cancel.click();
  for (let round = 0; round < 20; round++) {
    const button = page
      .getByRole("button", { name: /^Delete events/ })
      .and(page.locator(":enabled"))
      .first();
    if ((await button.count()) === 0) return;
    await button.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: /^Delete / }).click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });
  }
}

async function counts(row: Locator) {
  return {
    accepted: await row.getByTestId("import-accepted").textContent(),
    duplicates: await row.getByTestId("import-duplicates").textContent(),
    rejected: await row.getByTestId("import-rejected").textContent(),
  };
}

test.describe("admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test.afterEach(async ({ page }, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) await deleteAllImportedEvents(page);
  });

  test("imports a semicolon CSV with decimal commas, follows it to Completed, downloads the error report, and deletes its events", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    const run = Date.now().toString(36);
    const fileName = `nordic-orders-${run}.csv`;
    const valid = 2000;
    const { text, badLines } = buildCsv(run, valid);

    await page.goto(DATA_PAGE);
    await expect(page.getByRole("heading", { level: 1, name: "Data" })).toBeVisible();
    await page.getByLabel("File to import").setInputFiles({
      name: fileName,
      mimeType: "text/csv",
      buffer: Buffer.from(text),
    });

    // The preview read the header: ";" detected, decimal comma by default, columns matched.
    await expect(page.getByTestId("chosen-file")).toHaveText(fileName);
    await expect(page.getByLabel("Format")).toHaveValue("csv");
    await expect(page.getByLabel("Delimiter")).toHaveValue(";");
    await expect(page.getByLabel("Delimiter").locator("option:checked")).toHaveText(/Semicolon.*detected/);
    await expect(page.getByRole("radio", { name: /Decimal comma/ })).toBeChecked();
    await expect(page.getByTestId("mapping-row")).toHaveCount(10);
    await expect(page.getByLabel("Import column “event_type” as")).toHaveValue("type");
    await expect(page.getByLabel("Import column “customer_id” as")).toHaveValue("customerId");
    await expect(page.getByLabel("Import column “timestamp” as")).toHaveValue("timestamp");
    await expect(page.getByLabel("Import column “traits.country” as")).toHaveValue("traits.country");
    const valueRow = page.locator('[data-testid="mapping-row"][data-header="value"]');
    await expect(valueRow).toContainText("1249,50");
    await expect(page.getByTestId("sample-check")).toHaveText(/The first 5 rows are valid events/);

    // Read with a decimal point, 1249,50 is not a number: the preview says so, then recovers.
    await page.getByRole("radio", { name: /Decimal point/ }).check();
    await expect(page.getByTestId("sample-check")).toContainText(
      'value: "1249,50" is not a number with decimal point',
    );
    await page.getByRole("radio", { name: /Decimal comma/ }).check();
    await expect(page.getByTestId("sample-check")).toHaveText(/The first 5 rows are valid events/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/data-import-preview.png`, fullPage: true });

    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page.getByText(`“${fileName}” is uploaded and queued as import #`)).toBeVisible();
    const row = importRow(page, fileName);
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("import-progress")).toBeVisible();
    await expect(row.getByTestId("import-progress")).toHaveAttribute("aria-valuenow", /^\d+$/);
    await expect(page.getByTestId("import-row").first()).toContainText(fileName); // newest first
    await page.screenshot({ path: `${SCREENSHOT_DIR}/data-import-progress.png`, fullPage: true });

    // Live progress until the import completes; then the bar gives way to the outcome.
    await expect(row).toHaveAttribute("data-status", "completed", { timeout: 120_000 });
    await expect(row.getByTestId("import-status")).toHaveText("Completed");
    await expect(row.getByTestId("import-progress")).toHaveCount(0);
    await expect(row).toContainText(/Took /);
    expect(await counts(row)).toEqual({ accepted: shown(valid), duplicates: "0", rejected: "2" });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/data-import-finished.png`, fullPage: true });

    // The error report names both bad rows by line, with their reasons.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: /Download error report/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`nordic-orders-${run}-errors.csv`);
    const report = fs
      .readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\n");
    expect(report[0]).toBe("line,errors");
    expect(report).toHaveLength(3);
    expect(report[1]).toMatch(new RegExp(`^${badLines.email},.*customerId: looks like an e-mail address`));
    expect(report[2]).toMatch(new RegExp(`^${badLines.timestamp},.*timestamp: not ISO 8601`));

    // Deleting asks first, with the number of events and what is recomputed.
    await row.getByRole("button", { name: /^Delete events/ }).click();
    const confirm = page.getByRole("dialog", { name: `Delete the events of “${fileName}”?` });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByTestId("delete-event-count")).toHaveText(`${shown(valid)} events`);
    await expect(confirm).toContainText(
      "Customers, consent, preferences and the message catalogue are then recomputed",
    );
    await confirm.getByRole("button", { name: "Keep the events" }).click();
    await expect(confirm).toBeHidden();

    await row.getByRole("button", { name: /^Delete events/ }).click();
    await confirm.getByRole("button", { name: `Delete ${shown(valid)} events` }).click();
    await expect(confirm).toBeHidden({ timeout: 60_000 });
    await expect(row.getByTestId("import-events-deleted")).toContainText("Events deleted on");
    await expect(row.getByRole("button", { name: /Delete events|Resume/ })).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/data-import-deleted.png`, fullPage: true });

    // With its only events gone, the workspace is empty again.
    await page.goto(`/${WORKSPACE}/overview`);
    await expect(page.getByRole("heading", { name: "No customer data yet" })).toBeVisible();
    expect(problems.filter((problem) => /hydrat/i.test(problem))).toEqual([]);
  });

  test("a CSV without a timestamp column, or with a field chosen twice, cannot start and says why", async ({
    page,
  }) => {
    await page.goto(DATA_PAGE);
    await page.getByLabel("File to import").setInputFiles({
      name: "no-timestamp.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("type,customer,when\npage_viewed,c-1,yesterday\n"),
    });
    await expect(page.getByLabel("Delimiter")).toHaveValue(",");
    await expect(page.getByRole("radio", { name: /Decimal point/ })).toBeChecked();
    await expect(page.getByLabel("Import column “when” as")).toHaveValue("");
    const start = page.getByRole("button", { name: "Start import" });
    await expect(start).toBeDisabled();
    await expect(page.getByTestId("import-blockers")).toContainText("No column is imported as timestamp.");

    await page.getByLabel("Import column “when” as").selectOption("customerId");
    await expect(page.getByTestId("import-blockers")).toContainText(
      "customerId is chosen for 2 columns, “customer” and “when”. Keep it for one and skip the others.",
    );
    await expect(page.getByLabel("Import column “when” as")).toHaveAttribute("aria-invalid", "true");
    await expect(start).toBeDisabled();

    await page.getByLabel("Import column “when” as").selectOption("timestamp");
    await expect(page.getByTestId("import-blockers")).toHaveCount(0);
    await expect(start).toBeEnabled();
    await expect(page.getByTestId("sample-check")).toContainText("timestamp: not ISO 8601");
    await page.getByRole("button", { name: "Remove file" }).click();
    await expect(start).toHaveCount(0);
  });

  test("an NDJSON file previews its first lines and flags those that are not JSON", async ({ page }) => {
    await page.goto(DATA_PAGE);
    const lines = [
      JSON.stringify({ type: "page_viewed", customerId: "c-1", timestamp: "2026-05-01T10:00:00Z" }),
      "{not json",
      JSON.stringify({ type: "page_viewed", customerId: "c-2" }),
    ];
    await page.getByLabel("File to import").setInputFiles({
      name: "events.jsonl",
      mimeType: "application/x-ndjson",
      buffer: Buffer.from(lines.join("\n") + "\n"),
    });
    await expect(page.getByLabel("Format")).toHaveValue("ndjson");
    await expect(page.getByLabel("Delimiter")).toHaveCount(0);
    const previewed = page.getByTestId("ndjson-line");
    await expect(previewed).toHaveCount(3);
    await expect(previewed.nth(0)).toContainText("Valid event");
    await expect(previewed.nth(1)).toContainText("Line 2");
    await expect(previewed.nth(1)).toContainText("Not JSON");
    await expect(previewed.nth(2)).toContainText("timestamp: required");
    await expect(page.getByRole("button", { name: "Start import" })).toBeEnabled();
  });

  test("a file over 500 MB is refused before anything is uploaded", async ({ page }) => {
    // A real 501 MB file is too heavy for a test: the browser is told this one is that large.
    await page.addInitScript(() => {
      const size = Object.getOwnPropertyDescriptor(Blob.prototype, "size")!.get!;
      Object.defineProperty(File.prototype, "size", {
        get(this: File) {
          return this.name.startsWith("huge") ? 501 * 1024 * 1024 : size.call(this);
        },
      });
    });
    let uploads = 0;
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/imports")) uploads++;
    });
    await page.goto(DATA_PAGE);
    await page.getByLabel("File to import").setInputFiles({
      name: "huge-export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("type,customerId,timestamp\n"),
    });
    await expect(page.getByTestId("import-blockers")).toContainText(
      "“huge-export.csv” is 501 MB; one import takes at most 500 MB. Split the file",
    );
    await expect(page.getByRole("button", { name: "Start import" })).toBeDisabled();
    expect(uploads).toBe(0);
  });

  test("an upload the server refuses shows its reason and keeps the file for another try", async ({
    page,
  }) => {
    await page.route(`**/api/workspaces/${WORKSPACE}/imports`, (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 400,
            json: { error: { code: "invalid_input", message: "No column is mapped to timestamp." } },
          })
        : route.fallback(),
    );
    await page.goto(DATA_PAGE);
    await page.getByLabel("File to import").setInputFiles({
      name: "refused.ndjson",
      mimeType: "application/x-ndjson",
      buffer: Buffer.from(
        JSON.stringify({ type: "page_viewed", customerId: "c-1", timestamp: "2026-05-01T10:00:00Z" }) + "\n",
      ),
    });
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "No column is mapped to timestamp." }),
    ).toBeVisible();
    await expect(page.getByTestId("chosen-file")).toHaveText("refused.ndjson");
    await expect(page.getByRole("button", { name: "Start import" })).toBeEnabled();
  });

  test("at phone width the page and its preview fit the screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(DATA_PAGE);
    await page.getByLabel("File to import").setInputFiles({
      name: "phone.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `${HEADER}\npurchased;c-1;2026-05-01T10:00:00Z;store;;;running|trail-running;1249,50;NOK;\n`,
      ),
    });
    await expect(page.getByTestId("sample-check")).toHaveText(/The first row is a valid event/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    // One screen at a time: a full-page shot of a phone is too tall to read.
    await page.screenshot({ path: `${SCREENSHOT_DIR}/data-import-phone.png` });
    await page.getByTestId("mapping-row").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/data-import-phone-mapping.png` });
    await page.getByRole("heading", { name: "Import history" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/data-import-phone-history.png` });
  });
});

test.describe("analyst", () => {
  test.use({ storageState: storageStatePath("analyst") });

  test("opens Data and may import, but is never offered to delete an import's events", async ({ page }) => {
    await page.goto("/nordlys-sport/overview");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Data", exact: true })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Data" })).toBeVisible();
    await expect(page.getByLabel("File to import")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Import history" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Delete events/ })).toHaveCount(0);
  });
});

for (const role of ["manager", "executive"] as const) {
  test.describe(role, () => {
    test.use({ storageState: storageStatePath(role) });

    test("does not see Data and is refused it by URL (403)", async ({ page }) => {
      await page.goto("/nordlys-sport/overview");
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data", exact: true }),
      ).toHaveCount(0);
      const response = await page.goto("/nordlys-sport/data");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: /does not give access/ })).toBeVisible();
      await expect(page.getByLabel("File to import")).toHaveCount(0);
    });
  });
}
