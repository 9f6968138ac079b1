import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { RelevanceByCampaignRow } from "@/lib/metrics/relevance";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { RELEVANCE_COUNTS, type RelevanceCountsRow, relevanceRow } from "./relevance-figures";

/**
 * Relevance and click rate per campaign of the window's contacts; contacts without a campaign
 * form one row with campaignId null. By contacts desc, then campaignId (null last).
 */
export async function getRelevanceByCampaign(
  db: MetricsClient,
  params: MetricParams,
): Promise<RelevanceByCampaignRow[]> {
  assertMetricParams(params);
  const rows = await db.$queryRaw<(RelevanceCountsRow & { campaignId: string | null })[]>(Prisma.sql`
    SELECT f."campaignId", ${RELEVANCE_COUNTS}
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)}
    GROUP BY f."campaignId"
    ORDER BY COUNT(*) DESC, f."campaignId" COLLATE "C" ASC NULLS LAST`);
  return rows.map((row) => ({ campaignId: row.campaignId, ...relevanceRow(row) }));
}
