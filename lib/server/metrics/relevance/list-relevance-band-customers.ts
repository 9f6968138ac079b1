import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerList } from "@/lib/metrics/journeys";
import type { ListPaging } from "@/lib/metrics/query";
import { RELEVANCE_BANDS, type RelevanceBandCustomer } from "@/lib/metrics/relevance";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { pageOf } from "../common/page-of";

interface Row {
  c: string;
  contacts: bigint;
  engaged: bigint;
  mean: number | null;
  last: Date;
}

/** The contacts of one band, as getRelevanceDistribution and getRelevanceCalibration place them. */
function bandCondition(band: string): Prisma.Sql {
  if (band === "none") return Prisma.sql`f."topic" IS NOT NULL AND f."relevance" IS NULL`;
  const index = RELEVANCE_BANDS.findIndex((candidate) => candidate.id === band);
  if (index < 0) throw new RangeError(`band: one of ${RELEVANCE_BANDS.map((b) => b.id).join(", ")} or none`);
  return Prisma.sql`f."relevance" IS NOT NULL AND LEAST(f."relevance" / 10, 9) = ${index}::int`;
}

/**
 * The customers behind one bar of the relevance distribution or calibration: those with
 * contacts in the band in the window (channel and segment as for every metric), with how many,
 * how many engaged, their mean relevance and the latest; most contacts first, then by id in
 * code-point order; one page.
 */
export async function listRelevanceBandCustomers(
  db: MetricsClient,
  params: MetricParams & ListPaging & { band: string },
): Promise<CustomerList<RelevanceBandCustomer>> {
  assertMetricParams(params);
  const matching = Prisma.sql`
    SELECT f."customerId" AS c, COUNT(*) AS contacts, COUNT(f."clickedAt") AS engaged,
      AVG(f."relevance")::float8 AS mean, MAX(f."ts") AS last
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)} AND ${bandCondition(params.band)}
    GROUP BY f."customerId"`;
  const page = await pageOf<Row>(db, matching, Prisma.sql`m.contacts DESC, m.c COLLATE "C"`, params);
  return {
    total: page.total,
    rows: page.rows.map((row) => ({
      customerId: row.c,
      contacts: Number(row.contacts),
      engagedContacts: Number(row.engaged),
      meanRelevance: row.mean === null ? null : Number(row.mean),
      lastContactAt: row.last.toISOString(),
    })),
  };
}
