import "server-only";

import type { FatiguePoint, SaturationBucket } from "@/lib/metrics/frequency";
import { FREQUENCY_BUCKETS } from "@/lib/metrics/frequency-buckets";

/**
 * The fatigue point of a saturation curve (METRICS.md §1): the lowest non-empty bucket above
 * (0,1] whose click rate is below half of (0,1]'s, or whose unsubscribe share is more than
 * twice (0,1]'s; null when (0,1] is empty or no bucket qualifies. The tests compare the
 * counts exactly (cross-multiplied integers), not rounded fractions. A non-empty bucket
 * always has both rates, so a null rate never takes part.
 */
export function findFatiguePoint(buckets: readonly SaturationBucket[]): FatiguePoint | null {
  const [base, ...higher] = buckets;
  if (!base || base.customers === 0) return null;
  for (const bucket of higher) {
    if (bucket.customers === 0) continue;
    const reasons: FatiguePoint["reasons"] = [];
    // engaged / contacts < ½ · baseEngaged / baseContacts
    if (2 * bucket.engagedContacts * base.contacts < base.engagedContacts * bucket.contacts) {
      reasons.push("clickRate");
    }
    // unsubscribed / customers > 2 · baseUnsubscribed / baseCustomers
    if (bucket.unsubscribedCustomers * base.customers > 2 * base.unsubscribedCustomers * bucket.customers) {
      reasons.push("unsubscribeShare");
    }
    if (reasons.length > 0) {
      const lower = FREQUENCY_BUCKETS.find((b) => b.id === bucket.bucket)?.lower ?? 0;
      return { bucket: bucket.bucket, recommendedWeeklyCap: lower, reasons };
    }
  }
  return null;
}
