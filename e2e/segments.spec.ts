import { expect, type Locator, type Page, test } from "@playwright/test";

import type { FrequencyDistribution } from "@/lib/metrics/frequency";
import type { SegmentFilter } from "@/lib/metrics/segment";
import type { SegmentSize } from "@/lib/metrics/segment-size";

import { OVERVIEW_WINDOW, SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";

const WORKSPACE = "nordlys-sport";
const PAGE = `/${WORKSPACE}/segments?from=${OVERVIEW_WINDOW.from}&to=${OVERVIEW_WINDOW.to}`;
const number = (value: number) => new Intl.NumberFormat("en-GB").format(value);
/** The embedded database answers one query at a time: a dozen metrics can take a while. */
const SLOW = 60_000;

/** A metric of the read API with the signed-in session, for the page's period. */
async function metric<T>(page: Page, name: string, params: Record<string, string>): Promise<T> {
  const response = await page.request.get(`/api/v1/metrics/${name}`, {
    params: { workspace: WORKSPACE, ...OVERVIEW_WINDOW, ...params },
  });
  expect(response.ok(), `${name}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: T }).result;
}

/** The live count once it has settled on the builder's segment. */
async function settledCount(page: Page): Promise<Locator> {
  const card = page.getByTestId("segment-count-card");
  await expect(card).toHaveAttribute("aria-busy", "false", { timeout: SLOW });
  return card.getByTestId("segment-count");
}

async function addCondition(page: Page) {
  await page
    .getByTestId("segment-builder")
    .getByRole("button", { name: "+ Add condition", exact: true })
    .click();
}

async function save(page: Page, name: string, shared: boolean) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Share with everyone in the workspace").setChecked(shared);
  await page.getByRole("button", { name: /^Save (segment|changes)$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved “${name}”.` })).toBeVisible();
  await expect(page.getByTestId("saved-segment").filter({ hasText: name })).toBeVisible();
}

test.describe("segments", () => {
  test.use({ storageState: storageStatePath("analyst") });
  // Counts and a dozen metrics per comparison, one query at a time on the embedded database.
  test.slow();

  test("the analyst builds a segment with a live count, shares it, filters by it and compares it", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36);
    const goldName = `Gold with e-mail consent ${stamp}`;
    const repeatName = `Repeat buyers ${stamp}`;
    await page.goto(PAGE);
    await expect(page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();

    // Without a condition the segment holds every customer.
    const everyone = await metric<SegmentSize>(page, "segment-size", {});
    expect(everyone.customers).toBeGreaterThan(0);
    await expect(await settledCount(page)).toHaveAttribute("data-value", String(everyone.matching), {
      timeout: SLOW,
    });

    // Condition 1: trait loyaltyTier = gold. Condition 2: consent on e-mail granted.
    await addCondition(page);
    await expect(page.getByLabel("Field of condition 1")).toBeFocused();
    await page.getByLabel("Trait name of condition 1").fill("loyaltyTier");
    await page.getByLabel("Comparison of condition 1").selectOption("eq");
    await page.getByLabel("Value of condition 1").fill("gold");
    await addCondition(page);
    await page.getByLabel("Field of condition 2").selectOption("consent");
    await page.getByLabel("Channel of condition 2").selectOption("email");
    await page.getByLabel("Value of condition 2").selectOption("granted");
    await expect(page.getByLabel("How the conditions combine")).toHaveValue("and");

    const gold: SegmentFilter = {
      and: [
        { field: "trait", key: "loyaltyTier", op: "eq", value: "gold" },
        { field: "consent", channel: "email", op: "is", value: "granted" },
      ],
    };
    const size = await metric<SegmentSize>(page, "segment-size", { segment: JSON.stringify(gold) });
    expect(size.matching).toBeGreaterThan(0);
    expect(size.matching).toBeLessThan(size.customers);
    const count = await settledCount(page);
    await expect(count).toHaveAttribute("data-value", String(size.matching), { timeout: SLOW });
    await expect(count).toContainText(number(size.matching));
    await expect(count).toContainText(`of ${number(size.customers)} customers`);

    // A half-typed value is refused next to its input, and the count stays with the last valid segment.
    await page.getByLabel("Value of condition 1").fill("");
    await page.getByLabel("Value of condition 1").blur();
    await expect(page.getByText("Enter a value.")).toBeVisible();
    await expect(page.getByLabel("Value of condition 1")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Value of condition 1").fill("gold");
    await expect(page.getByText("Enter a value.")).toHaveCount(0);

    await save(page, goldName, true);
    await expect(page.getByTestId("saved-segment").filter({ hasText: goldName })).toContainText("Shared");

    // The global segment picker, in the header, offers it and keeps it in the URL (its
    // accessible name also holds the chosen option, hence the pattern).
    const picker = page.locator("header").getByLabel(/^Segment/);
    await picker.selectOption({ label: goldName });
    await expect(page).toHaveURL(/[?&]segment=\d+/);
    const goldId = new URL(page.url()).searchParams.get("segment")!;
    await expect(picker).toHaveValue(goldId);

    // A second, private segment: customers with at least two purchases.
    await page.getByRole("button", { name: "Start a new segment" }).click();
    await addCondition(page);
    await page.getByLabel("Field of condition 1").selectOption("purchasesTotal");
    await page.getByLabel("Comparison of condition 1").selectOption("gte");
    await page.getByLabel("Value of condition 1").fill("2");
    const repeat: SegmentFilter = { field: "purchasesTotal", op: "gte", value: 2 };
    const repeatSize = await metric<SegmentSize>(page, "segment-size", { segment: JSON.stringify(repeat) });
    await expect(await settledCount(page)).toHaveAttribute("data-value", String(repeatSize.matching), {
      timeout: SLOW,
    });
    await save(page, repeatName, false);

    // Compare the two, side by side, with the figures the read API gives for each.
    const compare = page.getByTestId("segment-compare");
    await compare.getByLabel("Segment A").selectOption({ label: goldName });
    await compare.getByLabel("Segment B").selectOption({ label: repeatName });
    const figures = compare.getByTestId("segment-compare-figures");
    await expect(figures).toHaveAttribute("aria-busy", "false", { timeout: SLOW });
    await expect(compare.getByRole("columnheader", { name: goldName })).toBeVisible();
    const frequency = await metric<FrequencyDistribution>(page, "frequency", { segmentId: goldId });
    await expect(compare.getByTestId("compare-contacted-a")).toHaveAttribute(
      "data-value",
      String(frequency.total.contactedCustomers),
    );
    for (const id of ["contacted", "clickRate", "repeatPurchaseRate", "atRiskShare"]) {
      await expect(compare.getByTestId(`compare-${id}-a`)).toHaveAttribute("data-value", /\d/);
      await expect(compare.getByTestId(`compare-${id}-b`)).toHaveAttribute("data-value", /\d/);
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}/segments.png`, fullPage: true });

    // "Use as filter" opens the Overview filtered by the segment.
    await page
      .getByTestId("saved-segment")
      .filter({ hasText: goldName })
      .getByRole("link", { name: /Use as filter/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/${WORKSPACE}/overview\\?.*segment=${goldId}`));
    await expect(page.locator("header").getByLabel(/^Segment/)).toHaveValue(goldId);
  });

  test("reads in Danish", async ({ page }) => {
    await page.goto(PAGE);
    await page
      .locator("summary")
      .filter({ hasText: /Anna|analyst/i })
      .click();
    await page.getByRole("button", { name: "Dansk" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Segmenter" })).toBeVisible();
    await page.getByRole("button", { name: "+ Tilføj betingelse", exact: true }).click();
    await page.getByLabel("Egenskabens navn i betingelse 1").fill("loyaltyTier");
    await page.getByLabel("Værdi i betingelse 1").fill("gold");
    await expect(page.getByTestId("segment-count-card")).toContainText("ud af");
    const compare = page.getByTestId("segment-compare");
    await compare.getByLabel("Segment A").selectOption({ label: "Segmentet, du er ved at bygge" });
    await compare.getByLabel("Segment B").selectOption({ label: "Alle kunder" });
    await expect(compare.getByTestId("segment-compare-figures")).toHaveAttribute("aria-busy", "false", {
      timeout: SLOW,
    });
    await expect(page.getByTestId("segment-count-card")).toHaveAttribute("aria-busy", "false");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/segments-da.png`, fullPage: true });
  });
});
