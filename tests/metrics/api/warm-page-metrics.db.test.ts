import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { GET } from "@/app/api/v1/metrics/[name]/route";
import { can } from "@/lib/auth/permissions";
import type { DashboardQuery } from "@/lib/metrics/dashboard-query";
import { LOYALTY_PAGE_METRICS, OVERVIEW_PAGE_METRICS, pageMetricParams } from "@/lib/metrics/page-metrics";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { computePageMetrics } from "@/lib/server/dashboard/warm-page-metrics";
import { useDatabaseForTests } from "@/lib/server/db";
import { clearMetricCache } from "@/lib/server/metrics/cache/metric-cache";

import { createWorkspaceWith } from "../../helpers/fixtures";
import { setupTestDatabase } from "../../helpers/test-database";

import { OPT_OUT_EVENTS } from "./opt-out-events";

const db = setupTestDatabase();
const prisma = () => db.current.prisma;
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));
beforeEach(() => clearMetricCache());

/** The tile's own request through the read API, as the browser sends it. */
async function tileRequest(key: string, name: string, params: Record<string, string>) {
  const url = new URL(`http://localhost:3000/api/v1/metrics/${name}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.append(k, v);
  const response = await GET(new Request(url, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ name }),
  });
  expect(response.status, name).toBe(200);
  return (await response.json()) as { result: unknown; comparison: unknown };
}

describe("computePageMetrics", () => {
  test("computes exactly the requests the Overview's and Loyalty's tiles then make", async () => {
    // c1's 3 contacts in 2–15 March 2026 (opt-out-events.ts).
    const workspaceId = await createWorkspaceWith(prisma(), OPT_OUT_EVENTS);
    const workspace = await prisma().workspace.update({ where: { id: workspaceId }, data: { timeZone: "UTC" } });
    const { key } = await createApiKey(prisma(), workspaceId, { name: "read", scopes: ["read"] });
    const query: DashboardQuery = {
      workspace: workspace.slug,
      from: "2026-03-02",
      to: "2026-03-15",
      timeZone: "UTC",
      channel: null,
      segmentId: null,
      compare: "previous",
      locale: "en",
      currency: "DKK",
      canViewCustomers: can("manager", "viewCustomers"),
    };
    const metrics = [...OVERVIEW_PAGE_METRICS, ...LOYALTY_PAGE_METRICS];
    const access = { user: null, workspace, role: "manager" as const };
    await computePageMetrics(access, query, metrics);
    const warmed = await Promise.all(
      metrics.map((metric) => tileRequest(key, metric.name, pageMetricParams(query, metric))),
    );

    // Behind the cache's back (no recorded change), the data goes: every tile request is
    // answered with the warmed result, so each found its entry.
    await prisma().$executeRaw`DELETE FROM "ContactFact" WHERE "workspaceId" = ${workspaceId}`;
    await prisma().$executeRaw`DELETE FROM "Event" WHERE "workspaceId" = ${workspaceId}`;
    for (const [index, metric] of metrics.entries()) {
      const again = await tileRequest(key, metric.name, pageMetricParams(query, metric));
      expect(again, metric.name).toEqual(warmed[index]);
    }
    expect((warmed[0].result as { contacts: number }).contacts).toBe(3);

    // A request the page did not warm is computed from what is there now.
    clearMetricCache();
    const fresh = await tileRequest(key, "overview", pageMetricParams(query, OVERVIEW_PAGE_METRICS[0]));
    expect((fresh.result as { contacts: number }).contacts).toBe(0);
  });
});
