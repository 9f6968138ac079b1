import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { RelevanceByTopicRow } from "@/lib/metrics/relevance";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { RELEVANCE_COUNTS, type RelevanceCountsRow, relevanceRow } from "./relevance-figures";

/**
 * Relevance and click rate per topic of the send (its own topic) of the window's contacts;
 * contacts without a topic form one row with topic null, never scored. By contacts desc,
 * then topic (null last).
 */
export async function getRelevanceByTopic(
  db: MetricsClient,
  params: MetricParams,
): Promise<RelevanceByTopicRow[]> {
  assertMetricParams(params);
  const rows = await db.$queryRaw<(RelevanceCountsRow & { topic: string | null })[]>(Prisma.sql`
    SELECT f."topic", ${RELEVANCE_COUNTS}
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)}
    GROUP BY f."topic"
    ORDER BY COUNT(*) DESC, f."topic" COLLATE "C" ASC NULLS LAST`);
  return rows.map((row) => ({ topic: row.topic, ...relevanceRow(row) }));
}
