import { recordChartExportAction } from "@/lib/server/actions/exports";

/**
 * Tells the server that a CSV was exported from the browser (audit `export.csv`). Fire and
 * forget: the download never waits for it, and a failure to record does not stop it.
 */
export function reportExport(
  slug: string | undefined,
  tile: string,
  rows: number,
  filters: Record<string, string | number | boolean | null> = {},
): void {
  if (!slug) return;
  void recordChartExportAction(slug, { tile, rows, filters }).catch(() => undefined);
}
