import { NextResponse } from "next/server";

import type { MetricResponse } from "@/lib/metrics/query";
import { withAuth } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { findMetric, METRICS } from "@/lib/server/metrics/api/metric-registry";
import { runMetric } from "@/lib/server/metrics/api/run-metric";

// GET /api/v1/metrics/<name> — one metric for a window, segment and channel (API key with read scope, or a session)
export const GET = withAuth(
  async (request, access, context) => {
    const { name } = await context.params;
    const metric = typeof name === "string" ? findMetric(name) : null;
    if (!metric) {
      throw new AppError(
        "not_found",
        `No metric "${String(name)}". Metrics: ${Object.keys(METRICS).join(", ")}.`,
      );
    }
    const body: MetricResponse<unknown> = await runMetric(
      await getPrisma(),
      metric,
      new URL(request.url).searchParams,
      {
        workspace: access.workspace,
        userId: access.user?.id ?? null,
      },
    );
    return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
  },
  { permission: "viewDashboards" },
);
