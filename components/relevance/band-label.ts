import { RELEVANCE_BANDS } from "@/lib/metrics/relevance";

/**
 * A relevance band in whole scores, as people read it: "0–9", "10–19", …, "90–100" (a contact's
 * relevance is an integer, so [10, 20) is 10–19). Unknown ids come back as they are.
 */
export function bandLabel(bandId: string): string {
  const band = RELEVANCE_BANDS.find((candidate) => candidate.id === bandId);
  if (!band) return bandId;
  return band.upper >= 100 ? `${band.lower}–100` : `${band.lower}–${band.upper - 1}`;
}
