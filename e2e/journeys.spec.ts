import { expect, type Page, test } from "@playwright/test";

import { DEFAULT_FUNNEL } from "@/lib/metrics/catalogue";
import type {
  CustomerList,
  FunnelResult,
  FunnelStep,
  LifecycleChecks,
  PathsResult,
} from "@/lib/metrics/journeys";

import { OVERVIEW_WINDOW, SCREENSHOT_DIR, storageStatePath } from "./support/e2e-env";
import { loadedTile } from "./support/tiles";

const WINDOW = OVERVIEW_WINDOW;
const PAGE = `/nordlys-sport/journeys?from=${WINDOW.from}&to=${WINDOW.to}`;
const number = (value: number) => new Intl.NumberFormat("en-GB").format(value);

/** A metric (or its customer list) from the read API for the page's window, with the session. */
async function api<T>(page: Page, path: string, params: Record<string, string> = {}): Promise<T> {
  const response = await page.request.get(`/api/v1/metrics/${path}`, {
    params: { workspace: "nordlys-sport", from: WINDOW.from, to: WINDOW.to, ...params },
  });
  expect(response.ok(), path).toBe(true);
  return ((await response.json()) as { result: T }).result;
}

const funnel = (page: Page, steps: readonly FunnelStep[]) =>
  api<FunnelResult>(page, "funnel", { steps: JSON.stringify(steps), conversionWindowDays: "14" });

/** Each funnel step's customers, as the chart holds them, equal the API's. */
async function expectFunnel(page: Page, result: FunnelResult) {
  for (const step of result.steps) {
    const figure = page.getByTestId(`funnel-step-${step.step}`);
    await expect(figure).toHaveAttribute("data-value", String(step.customers));
    await expect(figure).toContainText(number(step.customers));
  }
}

test.describe("journeys", () => {
  test.use({ storageState: storageStatePath("analyst") });

  test("shows the read API's funnel, paths and lifecycle checks, and is explored in place", async ({
    page,
  }) => {
    await page.goto(PAGE);
    await expect(page.getByRole("heading", { level: 1, name: "Journeys" })).toBeVisible();

    // The default funnel: message sent, clicked, purchased within 14 days.
    const defaultFunnel = await funnel(page, DEFAULT_FUNNEL);
    expect(defaultFunnel.steps[0].customers).toBeGreaterThan(0);
    const funnelTile = await loadedTile(page, "funnel");
    await expectFunnel(page, defaultFunnel);

    const paths = await api<PathsResult>(page, "paths", { anchor: "start", depth: "5" });
    await expect(await loadedTile(page, "paths")).toContainText(
      `Paths of ${number(paths.customers)} customers`,
    );

    const lifecycle = await api<LifecycleChecks>(page, "lifecycle");
    await loadedTile(page, "lifecycle");
    await expect(page.getByTestId("lifecycle-not-welcomed")).toHaveAttribute(
      "data-value",
      String(lifecycle.notWelcomed.customers),
    );
    await expect(page.getByTestId("lifecycle-not-welcomed")).toContainText(
      number(lifecycle.notWelcomed.newCustomers),
    );
    await expect(page.getByTestId("lifecycle-not-let-go")).toHaveAttribute(
      "data-value",
      String(lifecycle.notLetGo.customers),
    );

    // A fourth step: the URL keeps it, and the funnel is the API's for the same four steps.
    await funnelTile.getByRole("button", { name: "Add a step" }).click();
    await expect(funnelTile.getByRole("combobox", { name: "Step 4: event" })).toHaveValue("purchased");
    await expect(page).toHaveURL(/steps=message_sent(,|%2C)message_clicked(,|%2C)purchased(,|%2C)purchased/);
    const fourSteps = await funnel(page, [...DEFAULT_FUNNEL, { type: "purchased" }]);
    await expect(page.getByTestId("funnel-step-4")).toBeVisible();
    await loadedTile(page, "funnel");
    await expectFunnel(page, fourSteps);

    // The table view holds the same steps and numbers.
    await funnelTile.getByRole("button", { name: "Table", exact: true }).click();
    const rows = funnelTile.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(4);
    for (const [index, step] of fourSteps.steps.entries()) {
      await expect(rows.nth(index)).toContainText(number(step.customers));
    }

    // The customers who reached step 2 of the four-step funnel: picked, listed as the API lists them.
    await funnelTile.getByRole("button", { name: "Chart", exact: true }).click();
    const stepTwo = await api<CustomerList<{ customerId: string }>>(page, "funnel/customers", {
      steps: JSON.stringify([...DEFAULT_FUNNEL, { type: "purchased" }]),
      conversionWindowDays: "14",
      step: "2",
      limit: "25",
      offset: "0",
    });
    expect(stepTwo.total).toBe(fourSteps.steps[1].customers);
    await funnelTile.getByRole("combobox", { name: "Customers who reached" }).selectOption("2");
    await funnelTile.getByRole("button", { name: /who reached step 2$/ }).click();
    const stepRows = funnelTile.getByRole("table").locator("tbody tr");
    await expect(stepRows).toHaveCount(Math.min(25, stepTwo.total));
    await expect(stepRows.first().locator("td").first()).toHaveText(stepTwo.rows[0].customerId);

    // The customers behind a lifecycle check, first page, as the customer list endpoint has them.
    const check = lifecycle.notLetGo.customers > 0 ? "not-let-go" : "not-welcomed";
    const count = check === "not-let-go" ? lifecycle.notLetGo.customers : lifecycle.notWelcomed.customers;
    expect(count, "a lifecycle check with customers in the demo window").toBeGreaterThan(0);
    const list = await api<CustomerList<{ customerId: string }>>(page, "lifecycle/customers", {
      check,
      limit: "25",
      offset: "0",
    });
    const lifecycleTile = page.getByTestId("tile-lifecycle");
    const name = check === "not-let-go" ? /still sent promotions/ : /not welcomed$/;
    await lifecycleTile.getByRole("button", { name }).click();
    const listRows = lifecycleTile.getByRole("table").locator("tbody tr");
    await expect(listRows).toHaveCount(Math.min(25, list.total));
    await expect(listRows.first().locator("td").first()).toHaveText(list.rows[0].customerId);

    await page.screenshot({ path: `${SCREENSHOT_DIR}/journeys.png`, fullPage: true });

    await page
      .locator("summary")
      .filter({ hasText: /analyst|Anna/i })
      .click();
    await page.getByRole("button", { name: "Dansk" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kunderejser" })).toBeVisible();
    for (const id of ["funnel", "paths", "lifecycle"]) await loadedTile(page, id);
    await expect(page.getByTestId("tile-funnel")).toContainText("Tragt");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/journeys-da.png`, fullPage: true });
  });
});
