"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import { Skeleton } from "@/components/ui/skeleton";
import type { SegmentSize } from "@/lib/metrics/segment-size";

/**
 * The number of customers the builder's segment holds in the period, out of all the workspace's,
 * asked for once typing pauses; the previous count stays (dimmed) while the next one loads.
 */
export function LiveCount({
  segmentJson,
  pending,
  incomplete,
}: {
  /** The segment as JSON; "" for every customer. */
  segmentJson: string;
  /** The builder changed and the count will follow. */
  pending: boolean;
  /** A condition is not complete: the count is for the last complete segment. */
  incomplete: boolean;
}) {
  const t = useTranslations("segments");
  const format = useFormatters();
  const query = useMetric<SegmentSize>("segment-size", { segment: segmentJson || undefined });
  const data = query.data?.result;
  const busy = query.isFetching || pending;
  return (
    <section
      data-testid="segment-count-card"
      aria-labelledby="segment-count-title"
      aria-busy={busy}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="segment-count-title" className="text-base font-semibold text-slate-900">
        {t("count.title")}
      </h2>
      <div className={`mt-3 transition-opacity ${busy && data ? "opacity-60" : ""}`} aria-live="polite">
        {data ? (
          <BigFigure
            testId="segment-count"
            rawValue={data.matching}
            value={format.number(data.matching)}
            caption={t("count.of", {
              count: data.customers,
              share: format.percent(data.share),
            })}
          />
        ) : query.isError ? (
          <div role="alert" className="text-sm text-red-800">
            <p>{query.error.message}</p>
            <button
              type="button"
              onClick={() => void query.refetch()}
              className="mt-2 rounded-lg border border-red-300 bg-white px-3 py-1 text-xs font-medium hover:bg-red-100"
            >
              {t("retry")}
            </button>
          </div>
        ) : (
          <div role="status" aria-label={t("count.loading")}>
            <Skeleton className="h-16" />
          </div>
        )}
      </div>
      <p className="mt-3 text-xs text-slate-600">{incomplete ? t("count.incomplete") : t("count.explain")}</p>
    </section>
  );
}
