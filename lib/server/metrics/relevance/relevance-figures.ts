import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { IRRELEVANT_BELOW, type RelevanceFigures, type RelevanceRow } from "@/lib/metrics/relevance";

/** The counts behind relevance figures, as a SELECT list over ContactFact rows aliased `f`. */
export const RELEVANCE_COUNTS = Prisma.sql`COUNT(*) AS "contacts",
  COUNT(f."relevance") AS "scored",
  COALESCE(SUM(f."relevance"), 0) AS "relevanceSum",
  COUNT(*) FILTER (WHERE f."relevance" < ${IRRELEVANT_BELOW}) AS "irrelevant",
  COUNT(f."clickedAt") AS "engaged"`;

/** One row of RELEVANCE_COUNTS as the database returns it (COUNT and SUM are bigint). */
export interface RelevanceCountsRow {
  contacts: bigint;
  scored: bigint;
  relevanceSum: bigint;
  irrelevant: bigint;
  engaged: bigint;
}

export const rate = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

/** Coverage, mean relevance and irrelevant share from the counts. */
export function relevanceFigures(row: RelevanceCountsRow): RelevanceFigures {
  const contacts = Number(row.contacts);
  const scoredContacts = Number(row.scored);
  const irrelevantContacts = Number(row.irrelevant);
  return {
    contacts,
    scoredContacts,
    coverage: rate(scoredContacts, contacts),
    meanRelevance: rate(Number(row.relevanceSum), scoredContacts),
    irrelevantContacts,
    irrelevantShare: rate(irrelevantContacts, scoredContacts),
  };
}

/** The figures plus engaged contacts and click rate (engaged contacts / contacts). */
export function relevanceRow(row: RelevanceCountsRow): RelevanceRow {
  const figures = relevanceFigures(row);
  const engagedContacts = Number(row.engaged);
  return { ...figures, engagedContacts, clickRate: rate(engagedContacts, figures.contacts) };
}
