import "server-only";

import { loyaltyQuery } from "@/components/loyalty/loyalty-window";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LOYALTY_WINDOW_DAYS } from "@/lib/metrics/loyalty";
import { LOYALTY_PAGE_METRICS } from "@/lib/metrics/page-metrics";
import { METRICS } from "@/lib/server/metrics/api/metric-registry";
import { resolveMetricQuery } from "@/lib/server/metrics/api/resolve-metric-query";
import { DEFAULT_FREQUENCY_CAP } from "@/lib/server/metrics/common/metric-params";
import { trendMonths } from "@/lib/server/metrics/loyalty/get-loyalty-trend";
import { readStoredLoyaltyCounts } from "@/lib/server/metrics/loyalty/stored-loyalty-counts";
import { anchorDateOf, readLatestActivity } from "@/lib/server/workspaces/get-anchor-date";
import { loadDashboardParams } from "@/lib/url-state/load-dashboard-params";

import { dashboardQuery } from "./dashboard-page-query";
import { computePageMetrics } from "./warm-page-metrics";

/** How long a workspace's data must have stayed unchanged before its Loyalty page is recomputed. */
export const LOYALTY_WARMUP_QUIET_MS = 5_000;

/** What a warm-up found: data still changing, nothing to show, all counts kept, or computed. */
export type LoyaltyWarmupOutcome = "changing" | "no data" | "stored" | "computed";

// On globalThis, so every bundle of the server shares the timers.
const registry = globalThis as unknown as { resonansLoyaltyWarmups?: Map<number, NodeJS.Timeout> };

/**
 * After a change to a workspace's data (the contact-fact refresher calls this once it has
 * refreshed), recomputes the Loyalty page as it first opens, in the background, once the data
 * has stayed unchanged for a few seconds (an import or a stream of batches goes on changing
 * it; each later call restarts the wait). A change to older data deletes the loyalty counts
 * stored for the month ends after it (metrics/cache/data-version.ts), and computing a trend's
 * twelve ends anew costs the first visitor seconds; after the warm-up the page finds them
 * stored and its results in the metric cache.
 */
export function scheduleLoyaltyWarmup(
  getPrisma: () => Promise<PrismaClient>,
  workspaceId: number,
  quietMs = LOYALTY_WARMUP_QUIET_MS,
): void {
  const timers = (registry.resonansLoyaltyWarmups ??= new Map());
  clearTimeout(timers.get(workspaceId));
  const timer = setTimeout(() => {
    timers.delete(workspaceId);
    void getPrisma()
      .then((db) => warmLoyaltyPage(db, workspaceId, { quietMs }))
      .then((outcome) => {
        if (outcome === "changing") scheduleLoyaltyWarmup(getPrisma, workspaceId, quietMs);
      })
      .catch((error: unknown) => {
        console.error(`[metrics] recomputing the Loyalty page of workspace ${workspaceId} failed`, error);
      });
  }, quietMs);
  timer.unref();
  timers.set(workspaceId, timer);
}

/**
 * Computes the workspace's Loyalty page as it first opens (default filters, no segment) into
 * the loyalty-count store and the metric cache — unless its data changed within `quietMs`, or
 * every past month end of its trend is still stored (then nothing was invalidated that a
 * visitor would wait for).
 */
export async function warmLoyaltyPage(
  db: PrismaClient,
  workspaceId: number,
  { quietMs = LOYALTY_WARMUP_QUIET_MS, now = new Date() }: { quietMs?: number; now?: Date } = {},
): Promise<LoyaltyWarmupOutcome> {
  // On the database's clock, which wrote the change's time.
  const [version] = await db.$queryRaw<{ changing: boolean | null }[]>`
    SELECT "changedAt" > clock_timestamp() - make_interval(secs => CAST(${quietMs / 1000} AS float8)) AS changing
    FROM "WorkspaceDataVersion" WHERE "workspaceId" = ${workspaceId}`;
  if (version?.changing) return "changing";
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId } });
  if (!workspace) return "no data";
  const latest = await readLatestActivity(db, workspaceId);
  const { anchorDate, hasData } = anchorDateOf(latest, workspace.timeZone, now);
  if (!hasData) return "no data";

  const page = dashboardQuery(workspace, loadDashboardParams({}), {
    anchorDate,
    locale: "en",
    role: "executive",
  });
  const { query } = loyaltyQuery(page.window, page.query);
  const { params } = await resolveMetricQuery(
    METRICS["loyalty-trend"],
    new URLSearchParams({ workspace: workspace.slug, from: query.from, to: query.to, tz: query.timeZone }),
    { workspace, userId: null },
  );
  const pastEnds = trendMonths(params.to, query.timeZone)
    .slice(0, -1)
    .map((month) => month.end);
  const stored = await readStoredLoyaltyCounts(
    db,
    {
      workspaceId,
      windowMs: LOYALTY_WINDOW_DAYS * 86_400_000,
      frequencyCap: params.frequencyCap ?? DEFAULT_FREQUENCY_CAP,
    },
    pastEnds,
  );
  if (stored.counts.size === pastEnds.length) return "stored";
  await computePageMetrics({ workspace, user: null }, query, LOYALTY_PAGE_METRICS, db);
  return "computed";
}
