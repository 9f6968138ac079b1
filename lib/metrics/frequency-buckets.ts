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

/** Elapsed milliseconds in a week: contacts per week = contacts / (span / WEEK_MS). */
export const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * The bucket of `contacts` (≥ 1) over `spanMs` milliseconds, tested exactly in integers as
 * contacts · WEEK_MS ≤ upper · span (a float division puts 17 contacts in 17 days, exactly 7 a
 * week, at 7.000000000000001 and so in (7, ∞)). The SQL does the same (frequency-bucket-sql.ts).
 */
export function frequencyBucketOfCount(contacts: number, spanMs: number): FrequencyBucketId {
  for (const bucket of FREQUENCY_BUCKETS) {
    if (bucket.upper === null || contacts * WEEK_MS <= bucket.upper * spanMs) return bucket.id;
  }
  return "7+";
}

/** Whether `contacts` over `spanMs` is above `cap` contacts a week, compared without division. */
export function isAboveCap(contacts: number, spanMs: number, cap: number): boolean {
  return contacts * WEEK_MS > cap * spanMs;
}

/** The bucket of a positive contacts-per-week value. */
export function frequencyBucketOf(perWeek: number): FrequencyBucketId {
  for (const bucket of FREQUENCY_BUCKETS) {
    if (bucket.upper === null || perWeek <= bucket.upper) return bucket.id;
  }
  return "7+";
}
