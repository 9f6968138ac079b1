import "server-only";

import { NextResponse } from "next/server";

import type { Access } from "@/lib/server/auth/guard";
import { getPrisma } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

import type { MetricDefinition } from "./metric-definition";
import { runMetric } from "./run-metric";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * The body of a family of metric endpoints named by the `[name]` segment, for a route that
 * wraps it in the guard (withAuth): the named definition computed for the query string;
 * with `cache`, served from the metric cache while the workspace's data is unchanged.
 */
export function metricEndpoint(
  definitions: Readonly<Record<string, MetricDefinition>>,
  noun: string,
  options: { cache?: boolean } = {},
) {
  return async (request: Request, access: Access, context: RouteContext): Promise<Response> => {
    const { name } = await context.params;
    const metric = typeof name === "string" && Object.hasOwn(definitions, name) ? definitions[name] : null;
    if (!metric) {
      throw new AppError(
        "not_found",
        `No ${noun} "${String(name)}". There are: ${Object.keys(definitions).join(", ")}.`,
      );
    }
    const body = await runMetric(
      await getPrisma(),
      metric,
      new URL(request.url).searchParams,
      { workspace: access.workspace, userId: access.user?.id ?? null },
      options,
    );
    return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
  };
}
