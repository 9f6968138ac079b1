import { FREQUENCY_BUCKETS } from "@/lib/metrics/frequency-buckets";

/** A frequency bucket's interval, e.g. "(3, 5]" (contacts per week), the same in every language. */
export function bucketLabel(id: string): string {
  return FREQUENCY_BUCKETS.find((bucket) => bucket.id === id)?.label ?? id;
}
