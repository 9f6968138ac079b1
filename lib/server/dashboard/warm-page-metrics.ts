import "server-only";

import { after } from "next/server";

import type { DashboardQuery } from "@/lib/metrics/dashboard-query";
import { type PageMetric, pageMetricParams } from "@/lib/metrics/page-metrics";
import type { Access } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { METRICS } from "@/lib/server/metrics/api/metric-registry";
import { runMetric } from "@/lib/server/metrics/api/run-metric";
import type { MetricsClient } from "@/lib/server/metrics/common/metric-params";

/**
 * Starts the page's metric requests on the server once its HTML has been sent, into the
 * metric cache (lib/server/metrics/cache): by the time the browser has loaded the page's
 * scripts and its tiles ask, the answers are computed or on their way, rather than begun only
 * then. The page has already passed the guard; each request is resolved exactly as the read
 * API resolves the tile's own (same parameters, same user for saved segments), so the tile's
 * request finds it. A failure here is left for the tile's own request to report.
 */
export function warmPageMetrics(access: Access, query: DashboardQuery, metrics: readonly PageMetric[]): void {
  try {
    after(() => computePageMetrics(access, query, metrics));
  } catch {
    // Outside a request (a script or a test rendering the page): there is no browser to wait for.
  }
}

/** Computes the page's metric requests into the metric cache; settles when all have. */
export async function computePageMetrics(
  access: Pick<Access, "workspace" | "user">,
  query: DashboardQuery,
  metrics: readonly PageMetric[],
  db?: MetricsClient,
): Promise<void> {
  db ??= await getPrisma();
  await Promise.allSettled(
    metrics.map((metric) =>
      runMetric(
        db,
        METRICS[metric.name],
        new URLSearchParams({ workspace: query.workspace, ...pageMetricParams(query, metric) }),
        { workspace: access.workspace, userId: access.user?.id ?? null },
        { cache: true },
      ),
    ),
  );
}
