import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentSize } from "@/lib/metrics/segment-size";

import { segmentCustomers } from "../common/customer-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

/**
 * How many of the workspace's customers the segment holds (docs/metrics.md "Segments"), in one
 * statement: every customer, and those matching `params.segment` for the window (all of them
 * without a segment). The channel filter does not reach into segments, so it changes nothing.
 */
export async function getSegmentSize(db: MetricsClient, params: MetricParams): Promise<SegmentSize> {
  assertMetricParams(params);
  const matching = params.segment
    ? Prisma.sql`c."id" IN (${segmentCustomers(params, params.segment)})`
    : Prisma.sql`TRUE`;
  const [row] = await db.$queryRaw<{ customers: bigint; matching: bigint }[]>(Prisma.sql`
    SELECT COUNT(*) AS customers, COUNT(*) FILTER (WHERE ${matching}) AS matching
    FROM "Customer" c
    WHERE c."workspaceId" = ${params.workspaceId}`);
  const customers = Number(row.customers);
  const inSegment = Number(row.matching);
  return { customers, matching: inSegment, share: customers === 0 ? null : inSegment / customers };
}
