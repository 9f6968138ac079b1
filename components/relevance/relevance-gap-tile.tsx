"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { figureTable } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import type { SendVsWant } from "@/lib/metrics/relevance";

/** The relevance gap index (0–100) with the contacts and interest signals it compares. */
export function RelevanceGapTile({ className }: { className?: string }) {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const query = useMetric<SendVsWant>("gap");
  return (
    <ChartCard
      id="relevance-gap"
      title={t("gapTitle")}
      description={t("gapDescription")}
      query={query}
      className={className}
      skeletonHeight="h-20"
      isEmpty={(data) => data.result.contactsWithTopic === 0 && data.result.totalSignalWeight === 0}
      table={(data) =>
        figureTable(
          [
            {
              figure: t("gapTitle"),
              value: data.result.gapIndex,
              shown: format.number(data.result.gapIndex, 1),
            },
            ...(
              [
                ["contactsWithTopic", data.result.contactsWithTopic],
                ["contactsWithoutTopic", data.result.contactsWithoutTopic],
                ["totalSignalWeight", data.result.totalSignalWeight],
              ] as const
            ).map(([key, value]) => ({ figure: t(key), value, shown: format.number(value) })),
          ],
          { figure: t("figure"), value: t("value") },
        )
      }
    >
      {(data) => (
        <BigFigure
          testId="relevance-gap-index"
          rawValue={data.result.gapIndex}
          value={format.number(data.result.gapIndex, 1)}
          caption={
            data.result.gapIndex === null
              ? t("gapUnavailable")
              : t("gapOf", {
                  contacts: format.number(data.result.contactsWithTopic),
                  weight: format.number(data.result.totalSignalWeight),
                })
          }
        />
      )}
    </ChartCard>
  );
}
