import "server-only";

import type { Channel, PrismaClient } from "@/lib/generated/prisma/client";

/** Metric queries need only raw SQL: a PrismaClient or a transaction client both fit. */
export type MetricsClient = Pick<PrismaClient, "$queryRaw">;

/** A report window, half-open [from, to), of one workspace; `channel` restricts contacts only. */
export interface MetricParams {
  workspaceId: number;
  from: Date;
  to: Date;
  channel?: Channel | null;
}

export interface MetricWindow {
  from: Date;
  to: Date;
}

/** Throws unless the workspace id is an integer and `from` is strictly before `to`. */
export function assertMetricParams(params: MetricParams): void {
  if (!Number.isInteger(params.workspaceId)) throw new RangeError("workspaceId must be an integer");
  if (Number.isNaN(params.from.getTime()) || Number.isNaN(params.to.getTime())) {
    throw new RangeError("from and to must be valid dates");
  }
  if (params.from.getTime() >= params.to.getTime()) throw new RangeError("from must be before to");
}

/** The comparison window: the same length of time, ending where the report window starts. */
export function previousWindow({ from, to }: MetricWindow): MetricWindow {
  return { from: new Date(2 * from.getTime() - to.getTime()), to: new Date(from.getTime()) };
}
