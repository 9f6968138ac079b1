/**
 * Contacts-per-week buckets of METRICS.md §1: (0,1], (1,2], (2,3], (3,5], (5,7], (7,∞).
 * `upper` is inclusive; the last bucket has none.
 */
export const FREQUENCY_BUCKETS = [
  { id: "0-1", label: "(0, 1]", lower: 0, upper: 1 },
  { id: "1-2", label: "(1, 2]", lower: 1, upper: 2 },
  { id: "2-3", label: "(2, 3]", lower: 2, upper: 3 },
  { id: "3-5", label: "(3, 5]", lower: 3, upper: 5 },
  { id: "5-7", label: "(5, 7]", lower: 5, upper: 7 },
  { id: "7+", label: "(7, ∞)", lower: 7, upper: null },
] as const;

export type FrequencyBucket = (typeof FREQUENCY_BUCKETS)[number];
export type FrequencyBucketId = FrequencyBucket["id"];

/** The bucket of a positive contacts-per-week value. */
export function frequencyBucketOf(perWeek: number): FrequencyBucketId {
  for (const bucket of FREQUENCY_BUCKETS) {
    if (bucket.upper === null || perWeek <= bucket.upper) return bucket.id;
  }
  return "7+";
}
