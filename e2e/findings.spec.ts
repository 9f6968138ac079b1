import { expect, type Page, test } from "@playwright/test";

import type { AudienceCheck } from "@/lib/metrics/audience";
import type {
  ContactsAfterOptOut,
  OverContacted,
  SaturationCurve,
  SilentCustomers,
} from "@/lib/metrics/frequency";
import type { LifecycleChecks } from "@/lib/metrics/journeys";
import type { SendVsWant, StatedVsActual } from "@/lib/metrics/relevance";

import { OVERVIEW_WINDOW, SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";

const WINDOW = OVERVIEW_WINDOW;
const number = (value: number) => new Intl.NumberFormat("en-GB").format(value);

async function metric<T>(page: Page, name: string, params: Record<string, string> = {}): Promise<T> {
  const response = await page.request.get(`/api/v1/metrics/${name}`, {
    params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to, ...params },
  });
  expect(response.ok(), name).toBe(true);
  return ((await response.json()) as { result: T }).result;
}

// The marketing manager's journey: every planted finding of the demo (docs/demo-data.md) is on
// the Overview with its number, and its link leads to the evidence. Numbers come from the API.
test.describe("manager", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("finds each planted finding on the Overview and follows it to the evidence", async ({ page }) => {
    await page.goto(`/nordlys-sport/overview?from=${WINDOW.from}&to=${WINDOW.to}`);
    const list = page.getByTestId("tile-needs-attention");
    await expect(list).toHaveAttribute("aria-busy", "false", { timeout: 60_000 });

    const optout = await metric<ContactsAfterOptOut>(page, "optout");
    expect(optout.contacts).toBeGreaterThan(0);
    await expect(list.getByTestId("finding-optout")).toContainText(
      `${number(optout.contacts)} contacts after opt-out`,
    );

    const stated = await metric<StatedVsActual>(page, "stated-vs-actual");
    expect(stated.customersExceeding).toBeGreaterThan(0);
    await expect(list.getByTestId("finding-stated")).toContainText(number(stated.customersExceeding));

    const audience = await metric<AudienceCheck>(page, "audience");
    const worst = audience.campaigns[0];
    expect(worst.mismatched).toBeGreaterThan(0);
    await expect(list.getByTestId("finding-audience").first()).toContainText(worst.campaignId);
    await expect(list.getByTestId("finding-audience").first()).toContainText(number(worst.mismatched));

    const lifecycle = await metric<LifecycleChecks>(page, "lifecycle", { from: "2025-11-01" });
    expect(lifecycle.notWelcomed.customers).toBeGreaterThan(0);
    await expect(list.getByTestId("finding-notWelcomed")).toContainText(
      number(lifecycle.notWelcomed.customers),
    );

    const saturation = await metric<SaturationCurve>(page, "saturation");
    const over = await metric<OverContacted>(page, "over-contacted");
    expect(saturation.fatiguePoint).not.toBeNull();
    await expect(list.getByTestId("finding-fatigue")).toContainText(
      `recommended cap is ${number(saturation.fatiguePoint!.recommendedWeeklyCap)} a week`,
    );
    await expect(list.getByTestId("finding-overContacted")).toContainText(
      number(over.overContactedCustomers),
    );

    const gap = await metric<SendVsWant>(page, "gap");
    await expect(list.getByTestId("finding-gap")).toContainText(
      new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }).format(gap.gapIndex!),
    );

    const silent = await metric<SilentCustomers>(page, "silent");
    await expect(list.getByTestId("finding-silent")).toContainText(number(silent.silentCustomers));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/overview-findings.png`, fullPage: true });

    // Each link keeps the window and lands on the tile holding the evidence.
    for (const [finding, section, tile] of [
      ["optout", "frequency", "optout"],
      ["audience", "relevance", "audience"],
      ["gap", "relevance", "send-vs-want"],
    ] as const) {
      await page.goto(`/nordlys-sport/overview?from=${WINDOW.from}&to=${WINDOW.to}`);
      await list.getByTestId(`finding-${finding}`).first().getByRole("link").click();
      await expect(page).toHaveURL(
        new RegExp(`/nordlys-sport/${section}\\?.*from=${WINDOW.from}.*#tile-${tile}$`),
      );
      await expect(page.getByTestId(`tile-${tile}`)).toBeVisible();
    }
  });
});
