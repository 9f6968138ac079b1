"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { usePageMetric } from "@/components/metrics/use-metric";
import type { LoyaltySummary } from "@/lib/metrics/loyalty";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";

import { ChangeLine } from "./change-line";
import { IndexComponents } from "./index-components";
import { IndexVerdict } from "./index-verdict";
import { useIndexTable } from "./use-index-table";

/** The loyalty health index as a very large number, in words, against the year before, with its five parts. */
export function LoyaltyIndexTile({ className }: { className?: string }) {
  const t = useTranslations("loyalty");
  const format = useFormatters();
  const query = usePageMetric<LoyaltySummary>(PAGE_METRICS.loyalty);
  const table = useIndexTable();
  return (
    <ChartCard
      id="loyalty-index"
      title={t("indexTitle")}
      description={t("indexDescription")}
      query={query}
      isEmpty={(data) => data.result.current.index.value === null}
      table={(data) => table(data.result)}
      skeletonHeight="h-80"
      className={className}
    >
      {({ result }) => {
        const { current, previous, indexChange, frequencyCap } = result;
        const value = current.index.value ?? 0;
        return (
          <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <div>
              <p data-testid="loyalty-index" data-value={value} className="flex items-baseline gap-2">
                <span className="text-8xl font-semibold leading-none tracking-tight tabular-nums text-slate-900">
                  {format.number(value)}
                </span>
                <span className="text-xl text-slate-500">{t("outOf100")}</span>
              </p>
              <IndexVerdict index={current.index} />
              <div className="mt-3">
                <ChangeLine
                  testId="loyalty-index-change"
                  change={indexChange}
                  unit="points"
                  previous={previous}
                />
              </div>
            </div>
            <IndexComponents figures={current} frequencyCap={frequencyCap} />
          </div>
        );
      }}
    </ChartCard>
  );
}
