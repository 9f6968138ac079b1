/** How many customers (`customers`) had exactly `n` contacts. */
export interface HistogramBar {
  n: number;
  customers: number;
}

/**
 * Rows of customers per count of contacts from the database (several rows of one count, as
 * from each half of the customers, add up) as a histogram in ascending order of count.
 */
export function contactsHistogram(
  rows: readonly { n: bigint | number; customers: bigint | number }[],
): HistogramBar[] {
  const byCount = new Map<number, number>();
  for (const row of rows)
    byCount.set(Number(row.n), (byCount.get(Number(row.n)) ?? 0) + Number(row.customers));
  return [...byCount].map(([n, customers]) => ({ n, customers })).sort((a, b) => a.n - b.n);
}

/**
 * The median of the values a histogram (ascending `n`, `customers` each) stands for, as
 * percentile_cont(0.5) computes it: the middle value, or for an even count the lower middle
 * plus half the difference to the upper one. null for no values.
 */
export function medianOfHistogram(histogram: readonly HistogramBar[], total: number) {
  if (total === 0) return null;
  const valueAt = (position: number) => {
    let seen = 0;
    for (const bar of histogram) {
      seen += bar.customers;
      if (position < seen) return bar.n;
    }
    throw new RangeError("position beyond the histogram");
  };
  const lower = valueAt(Math.floor((total - 1) / 2));
  const upper = valueAt(Math.ceil((total - 1) / 2));
  return lower + (upper - lower) * 0.5;
}
