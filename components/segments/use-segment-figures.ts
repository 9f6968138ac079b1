"use client";

import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { useMetric } from "@/components/metrics/use-metric";
import { shiftCalendarDate } from "@/lib/date-window";
import type { FrequencyDistribution, OverContacted, SaturationCurve } from "@/lib/metrics/frequency";
import { LOYALTY_WINDOW_DAYS, type LoyaltySummary } from "@/lib/metrics/loyalty";
import type { RelevanceSummary, SendVsWant } from "@/lib/metrics/relevance";

/** A figure of one segment, with the counts behind it when it is a rate. */
export interface Figure {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export const COMPARED_FIGURES = [
  { id: "contacted", kind: "count" },
  { id: "medianPerWeek", kind: "perWeek" },
  { id: "overContacted", kind: "rate" },
  { id: "clickRate", kind: "rate" },
  { id: "meanRelevance", kind: "points" },
  { id: "gapIndex", kind: "points" },
  { id: "repeatPurchaseRate", kind: "rate" },
  { id: "atRiskShare", kind: "rate" },
] as const;
export type FigureId = (typeof COMPARED_FIGURES)[number]["id"];
export type FigureKind = (typeof COMPARED_FIGURES)[number]["kind"];

/** Each figure: undefined while it loads, "error" when its metric failed. */
export type SegmentFigures = Record<FigureId, Figure | undefined | "error">;

const rate = (numerator: number, denominator: number): Figure => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

type FigureQuery<T> = { data?: { result: T }; isError: boolean; isPlaceholderData: boolean };

/** The figure once its own data is in: the previous segment's numbers must never stand for this one's. */
function pick<T>(query: FigureQuery<T>, read: (result: T) => Figure) {
  if (query.data && !query.isPlaceholderData) return read(query.data.result);
  return query.isError ? ("error" as const) : undefined;
}

/**
 * The key figures of one segment (`segment` as JSON, or a saved `segmentId`) in the dashboard's
 * period; repeat purchase and at-risk over the 365 days to the period's end.
 */
export function useSegmentFigures(params: { segment?: string; segmentId?: string }) {
  const { to } = useDashboardQuery();
  const frequency = useMetric<FrequencyDistribution>("frequency", params);
  const over = useMetric<OverContacted>("over-contacted", params);
  const saturation = useMetric<SaturationCurve>("saturation", params);
  const relevance = useMetric<RelevanceSummary>("relevance", params);
  const gap = useMetric<SendVsWant>("gap", params);
  const loyalty = useMetric<LoyaltySummary>("loyalty", {
    ...params,
    from: shiftCalendarDate(to, -(LOYALTY_WINDOW_DAYS - 1)),
  });
  const queries = [frequency, over, saturation, relevance, gap, loyalty];
  const figures: SegmentFigures = {
    contacted: pick(frequency, (r) => ({ value: r.total.contactedCustomers })),
    medianPerWeek: pick(frequency, (r) => ({ value: r.total.medianPerWeek })),
    overContacted: pick(over, (r) => rate(r.overContactedCustomers, r.contactedCustomers)),
    clickRate: pick(saturation, (r) =>
      rate(
        r.buckets.reduce((sum, b) => sum + b.engagedContacts, 0),
        r.buckets.reduce((sum, b) => sum + b.contacts, 0),
      ),
    ),
    meanRelevance: pick(relevance, (r) => ({ value: r.meanRelevance, denominator: r.scoredContacts })),
    gapIndex: pick(gap, (r) => ({ value: r.gapIndex })),
    repeatPurchaseRate: pick(loyalty, (r) => rate(r.current.repeatPurchasers, r.current.purchasers)),
    atRiskShare: pick(loyalty, (r) => rate(r.current.atRiskCustomers, r.current.repeatCustomers)),
  };
  return {
    figures,
    fetching: queries.some((query) => query.isFetching),
    failed: queries.filter((query) => query.isError),
  };
}
