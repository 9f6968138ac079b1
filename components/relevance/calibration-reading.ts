import type { RelevanceCalibrationRow } from "@/lib/metrics/relevance";

/** Bands with fewer contacts than this are left out of the reading: their click rate is noise. */
export const MIN_CONTACTS_PER_BAND = 30;

/** Whether click rate follows the relevance score, and the lowest and highest band it compared. */
export type CalibrationReading =
  | { kind: "too-few" }
  | {
      kind: "rises" | "falls" | "flat";
      /** Spearman's rank correlation of band order and click rate, −1 to 1. */
      correlation: number;
      low: RelevanceCalibrationRow;
      high: RelevanceCalibrationRow;
    };

/** A rank correlation at least this strong reads as rising (or, negated, falling). */
const CLEAR = 0.6;

/**
 * Reads the calibration: over the score bands (not "no signal") with enough contacts, in band
 * order, does click rate rise? Needs three such bands; the lowest and the highest are compared.
 */
export function readCalibration(rows: RelevanceCalibrationRow[]): CalibrationReading {
  const bands = rows.filter(
    (row) => row.band !== "none" && row.contacts >= MIN_CONTACTS_PER_BAND && row.clickRate !== null,
  );
  if (bands.length < 3) return { kind: "too-few" };
  const correlation = spearman(bands.map((row) => row.clickRate ?? 0));
  const kind = correlation >= CLEAR ? "rises" : correlation <= -CLEAR ? "falls" : "flat";
  return { kind, correlation, low: bands[0], high: bands[bands.length - 1] };
}

/** Spearman's correlation of the positions 0…n−1 with `values` (ties get their mean rank). */
export function spearman(values: number[]): number {
  const n = values.length;
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(n);
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && order[end + 1].value === order[start].value) end += 1;
    for (let i = start; i <= end; i += 1) ranks[order[i].index] = (start + end) / 2;
    start = end + 1;
  }
  const mean = (n - 1) / 2;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; i += 1) {
    covariance += (i - mean) * (ranks[i] - mean);
    varianceX += (i - mean) ** 2;
    varianceY += (ranks[i] - mean) ** 2;
  }
  return varianceY === 0 ? 0 : covariance / Math.sqrt(varianceX * varianceY);
}
