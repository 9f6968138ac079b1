import type { LoyaltyIndex, LoyaltyIndexComponent } from "@/lib/metrics/loyalty";

export type LoyaltyVerdict = "weak" | "fair" | "good" | "strong";

/** Lowest index of each verdict, highest first (the tile's description states the same bands). */
export const VERDICT_BANDS: readonly { verdict: LoyaltyVerdict; min: number }[] = [
  { verdict: "strong", min: 70 },
  { verdict: "good", min: 55 },
  { verdict: "fair", min: 40 },
  { verdict: "weak", min: 0 },
];

/** The index (0–100) in a word: under 40 weak, 40–54 fair, 55–69 good, 70 and over strong. */
export function loyaltyVerdict(index: number): LoyaltyVerdict {
  return (VERDICT_BANDS.find((band) => index >= band.min) ?? VERDICT_BANDS[VERDICT_BANDS.length - 1]).verdict;
}

/** The measured component with the lowest value (ties: the heavier one), or null when none is. */
export function weakestComponent(index: LoyaltyIndex): LoyaltyIndexComponent | null {
  let weakest: LoyaltyIndexComponent | null = null;
  for (const component of index.components) {
    if (component.value === null) continue;
    if (weakest === null || component.value < (weakest.value as number)) weakest = component;
  }
  return weakest;
}
