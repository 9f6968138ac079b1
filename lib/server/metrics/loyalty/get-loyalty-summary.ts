import "server-only";

import type { LoyaltySummary } from "@/lib/metrics/loyalty";

import {
  assertMetricParams,
  DEFAULT_FREQUENCY_CAP,
  type MetricParams,
  type MetricsClient,
  previousWindow,
} from "../common/metric-params";

import { loyaltyCountsAtEnds } from "./loyalty-at-ends";
import { loyaltyFigures } from "./loyalty-figures";

/**
 * Loyalty health (METRICS.md §4) for the window [from, to) and for the previous period of the
 * same length [from − (to − from), from), from one computation: purchasers and repeat purchase
 * rate in the window, active and at-risk customers at its end, engaged share over the 90 days
 * and over-contacted share and mean relevance over the 28 days before its end, and the index.
 * A trend of the same query asked at the same time joins it; over the whole data,
 * the previous period's counts are read where stored (loyaltyCountsAtEnds).
 */
export async function getLoyaltySummary(db: MetricsClient, params: MetricParams): Promise<LoyaltySummary> {
  assertMetricParams(params);
  const frequencyCap = params.frequencyCap ?? DEFAULT_FREQUENCY_CAP;
  const previous = previousWindow(params);
  const windowMs = params.to.getTime() - params.from.getTime();
  // The previous period's end lies a window back: its counts can be kept (the window's cannot).
  const [before, now] = await loyaltyCountsAtEnds(
    db,
    params,
    [previous.to, params.to],
    windowMs,
    frequencyCap,
    { storable: [previous.to] },
  );
  const current = loyaltyFigures(params.from, params.to, now);
  const prior = loyaltyFigures(previous.from, previous.to, before);
  const indexChange =
    current.index.value === null || prior.index.value === null
      ? null
      : current.index.value - prior.index.value;
  return { frequencyCap, current, previous: prior, indexChange };
}
