import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { RelevanceSummary } from "@/lib/metrics/relevance";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { RELEVANCE_COUNTS, type RelevanceCountsRow, relevanceFigures } from "./relevance-figures";

/**
 * Relevance of the window's contacts (METRICS.md §2): contacts, scored contacts and coverage,
 * mean relevance of the scored ones, irrelevant contacts (< 20) and their share of the scored.
 */
export async function getRelevanceSummary(
  db: MetricsClient,
  params: MetricParams,
): Promise<RelevanceSummary> {
  assertMetricParams(params);
  const [row] = await db.$queryRaw<RelevanceCountsRow[]>(Prisma.sql`
    SELECT ${RELEVANCE_COUNTS}
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)}`);
  return relevanceFigures(row);
}
