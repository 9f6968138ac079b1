import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { RELEVANCE_BANDS, type RelevanceDistribution } from "@/lib/metrics/relevance";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { rate } from "./relevance-figures";

/**
 * Scored contacts of the window per relevance band of 10: [0,10), [10,20), … [90,100], where
 * 100 falls in the last band. Every band is returned, empty ones with 0.
 */
export async function getRelevanceDistribution(
  db: MetricsClient,
  params: MetricParams,
): Promise<RelevanceDistribution> {
  assertMetricParams(params);
  const rows = await db.$queryRaw<{ band: number; contacts: bigint }[]>(Prisma.sql`
    SELECT LEAST(f."relevance" / 10, 9)::int AS "band", COUNT(*) AS "contacts"
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)} AND f."relevance" IS NOT NULL
    GROUP BY 1`);
  const counts = new Map(rows.map((row) => [Number(row.band), Number(row.contacts)]));
  const scoredContacts = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return {
    scoredContacts,
    bands: RELEVANCE_BANDS.map((band, index) => {
      const contacts = counts.get(index) ?? 0;
      return {
        band: band.id,
        label: band.label,
        lower: band.lower,
        upper: band.upper,
        scoredContacts: contacts,
        share: rate(contacts, scoredContacts),
      };
    }),
  };
}
