import { expect, type Locator, type Page } from "@playwright/test";

/**
 * A dashboard tile (`ChartCard`) once its data is in: not fetching, no skeleton. The skeleton is
 * a status named after the tile ("Loading <title>", in any language); Recharts' tooltip is a
 * status too, so the name tells them apart.
 */
export async function loadedTile(page: Page, id: string): Promise<Locator> {
  const tile = page.getByTestId(`tile-${id}`);
  const title = await tile.getByRole("heading", { level: 2 }).first().innerText();
  await expect(tile).toHaveAttribute("aria-busy", "false");
  await expect(tile.getByRole("status", { name: title })).toHaveCount(0);
  return tile;
}

/** Switches a tile to its table view and returns the table. */
export async function showTable(tile: Locator): Promise<Locator> {
  await tile.getByRole("button", { name: "Table", exact: true }).click();
  return tile.getByRole("table");
}

/** The raw number a figure carries in `data-value`. */
export async function dataValue(scope: Page | Locator, testId: string): Promise<number> {
  return Number(await scope.getByTestId(testId).getAttribute("data-value"));
}
