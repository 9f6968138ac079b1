import "server-only";

import type { Channel, PrismaClient } from "@/lib/generated/prisma/client";
import type { SegmentFilter } from "@/lib/metrics/segment";

/** Metric queries need only raw SQL: a PrismaClient or a transaction client both fit. */
export type MetricsClient = Pick<PrismaClient, "$queryRaw">;

/**
 * What every metric takes: a report window, half-open [from, to), of one workspace.
 * `channel` restricts contacts only; `segment` restricts customers (docs/metrics.md).
 */
export interface MetricParams {
  workspaceId: number;
  from: Date;
  to: Date;
  channel?: Channel | null;
  segment?: SegmentFilter | null;
  /** IANA zone for calendar months (cohorts); default the workspace's, else UTC. */
  timeZone?: string;
  /** Contacts per week above which a customer is over-contacted; default 3. */
  frequencyCap?: number;
}

export const DEFAULT_FREQUENCY_CAP = 3;

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
  if (params.frequencyCap !== undefined && !(params.frequencyCap > 0)) {
    throw new RangeError("frequencyCap must be positive");
  }
}

/** The comparison window: the same length of time, ending where the report window starts. */
export function previousWindow({ from, to }: MetricWindow): MetricWindow {
  return { from: new Date(2 * from.getTime() - to.getTime()), to: new Date(from.getTime()) };
}

/** Weeks in the window: elapsed time / 7 days, fractional. */
export function windowWeeks({ from, to }: MetricWindow): number {
  return (to.getTime() - from.getTime()) / (7 * 24 * 60 * 60 * 1000);
}
