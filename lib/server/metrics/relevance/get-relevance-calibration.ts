import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { RELEVANCE_BANDS, type RelevanceCalibration } from "@/lib/metrics/relevance";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { rate } from "./relevance-figures";

const NO_SIGNAL = -1;

/**
 * Click rate (engaged contacts / contacts) per relevance band of 10, plus one row for contacts
 * with a topic but no signal: does the score predict clicks? Contacts without a topic are in
 * no row; their number is returned beside.
 */
export async function getRelevanceCalibration(
  db: MetricsClient,
  params: MetricParams,
): Promise<RelevanceCalibration> {
  assertMetricParams(params);
  const rows = await db.$queryRaw<{ band: number | null; contacts: bigint; engaged: bigint }[]>(Prisma.sql`
    SELECT
      CASE WHEN f."topic" IS NULL THEN NULL
        WHEN f."relevance" IS NULL THEN ${NO_SIGNAL}::int
        ELSE LEAST(f."relevance" / 10, 9)::int END AS "band",
      COUNT(*) AS "contacts", COUNT(f."clickedAt") AS "engaged"
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)}
    GROUP BY 1`);
  const byBand = new Map(rows.map((row) => [row.band === null ? null : Number(row.band), row]));
  const calibrationRow = (band: number, id: string, label: string) => {
    const row = byBand.get(band);
    const contacts = Number(row?.contacts ?? 0);
    const engagedContacts = Number(row?.engaged ?? 0);
    return { band: id, label, contacts, engagedContacts, clickRate: rate(engagedContacts, contacts) };
  };
  return {
    rows: [
      ...RELEVANCE_BANDS.map((band, index) => calibrationRow(index, band.id, band.label)),
      calibrationRow(NO_SIGNAL, "none", "no signal"),
    ],
    contactsWithoutTopic: Number(byBand.get(null)?.contacts ?? 0),
  };
}
