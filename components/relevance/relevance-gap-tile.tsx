"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { tableSpec } from "@/components/charts/common/table-spec";
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
        tableSpec(
          [
            { figure: t("gapTitle"), value: data.result.gapIndex, digits: 1 },
            { figure: t("contactsWithTopic"), value: data.result.contactsWithTopic, digits: 0 },
            { figure: t("contactsWithoutTopic"), value: data.result.contactsWithoutTopic, digits: 0 },
            { figure: t("totalSignalWeight"), value: data.result.totalSignalWeight, digits: 0 },
          ],
          [
            { key: "figure", header: t("figure"), value: (row) => row.figure },
            {
              key: "value",
              header: t("value"),
              value: (row) => row.value,
              format: (row) => format.number(row.value, row.digits),
              numeric: true,
            },
          ],
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
