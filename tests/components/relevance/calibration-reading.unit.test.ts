import { describe, expect, test } from "vitest";

import { MIN_CONTACTS_PER_BAND, readCalibration, spearman } from "@/components/relevance/calibration-reading";
import { RELEVANCE_BANDS, type RelevanceCalibrationRow } from "@/lib/metrics/relevance";

/** Calibration rows from click rates per band (null: an empty band), 100 contacts each, plus "no signal". */
function rows(rates: (number | null)[], noSignalRate = 0.5): RelevanceCalibrationRow[] {
  const bandRows = RELEVANCE_BANDS.map((band, index) => {
    const rate = rates[index] ?? null;
    const contacts = rate === null ? 0 : 100;
    return {
      band: band.id,
      label: band.label,
      contacts,
      engagedContacts: rate === null ? 0 : Math.round(rate * 100),
      clickRate: rate,
    };
  });
  const noSignal = {
    band: "none",
    label: "no signal",
    contacts: 100,
    engagedContacts: 50,
    clickRate: noSignalRate,
  };
  return [...bandRows, noSignal];
}

describe("spearman", () => {
  test("is 1 for values rising with their position and −1 for falling ones", () => {
    expect(spearman([0.01, 0.02, 0.05, 0.3])).toBeCloseTo(1, 12);
    expect(spearman([0.3, 0.05, 0.02, 0.01])).toBeCloseTo(-1, 12);
  });

  test("ranks ties by their mean rank: 1, 2, 2, 3 against 0–3 gives 0.9487", () => {
    // Ranks 0, 1.5, 1.5, 3 against 0, 1, 2, 3: covariance 4.5, variances 5 and 4.5 → 4.5 / √22.5.
    expect(spearman([1, 2, 2, 3])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });

  test("is 0 when every value is the same", () => {
    expect(spearman([0.1, 0.1, 0.1])).toBe(0);
  });
});

describe("readCalibration", () => {
  test("reads a click rate that rises with the band as rising, comparing the lowest and highest band", () => {
    const reading = readCalibration(rows([0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1]));
    expect(reading.kind).toBe("rises");
    if (reading.kind === "too-few") throw new Error("unreachable");
    expect([reading.low.band, reading.high.band]).toEqual(["0-10", "90-100"]);
  });

  test("reads a falling click rate as falling and a zigzag as flat", () => {
    expect(readCalibration(rows([0.1, 0.09, 0.08, 0.07, 0.06, 0.05, 0.04, 0.03, 0.02, 0.01])).kind).toBe(
      "falls",
    );
    // Ranks 0 4 1 3 2 against 0–4: ρ = 1 − 6·Σd²/(n(n²−1)) = 1 − 6·14/120 = 0.3, under 0.6.
    expect(readCalibration(rows([0.01, 0.05, 0.02, 0.04, 0.03])).kind).toBe("flat");
  });

  test("leaves out the no-signal row and bands with too few contacts", () => {
    const data = rows([0.01, 0.02, 0.03, null, null, null, null, null, null, 0.0], 0.9);
    // The last band falls, but with 29 contacts it is noise and is not read.
    data[9] = { ...data[9], contacts: MIN_CONTACTS_PER_BAND - 1 };
    const reading = readCalibration(data);
    expect(reading.kind).toBe("rises");
    if (reading.kind === "too-few") throw new Error("unreachable");
    expect(reading.high.band).toBe("20-30");
  });

  test("says too few when fewer than three bands have enough contacts", () => {
    expect(readCalibration(rows([0.01, null, null, null, null, null, null, null, null, 0.2])).kind).toBe(
      "too-few",
    );
    expect(readCalibration(rows([])).kind).toBe("too-few");
  });
});
