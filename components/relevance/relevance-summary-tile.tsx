"use client";

import { useTranslations } from "next-intl";

import { BigFigure } from "@/components/charts/common/big-figure";
import { ChartCard } from "@/components/charts/common/chart-card";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import type { RelevanceSummary } from "@/lib/metrics/relevance";

/** Mean relevance, coverage and irrelevant share of the period's contacts, each with its counts. */
export function RelevanceSummaryTile({ className }: { className?: string }) {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const query = useMetric<RelevanceSummary>("relevance");
  const figuresOf = (result: RelevanceSummary) => [
    {
      key: "mean-relevance",
      figure: t("meanRelevance"),
      value: result.meanRelevance,
      shown: format.number(result.meanRelevance, 1),
      count: result.scoredContacts,
      outOf: null,
      caption: t("meanRelevanceOf", { scored: format.number(result.scoredContacts) }),
    },
    {
      key: "coverage",
      figure: t("coverage"),
      value: result.coverage,
      shown: format.percent(result.coverage),
      count: result.scoredContacts,
      outOf: result.contacts,
      caption: t("coverageOf", {
        scored: format.number(result.scoredContacts),
        contacts: format.number(result.contacts),
      }),
    },
    {
      key: "irrelevant-share",
      figure: t("irrelevantShare"),
      value: result.irrelevantShare,
      shown: format.percent(result.irrelevantShare),
      count: result.irrelevantContacts,
      outOf: result.scoredContacts,
      caption: t("irrelevantOf", {
        irrelevant: format.number(result.irrelevantContacts),
        scored: format.number(result.scoredContacts),
      }),
    },
  ];
  return (
    <ChartCard
      id="relevance-summary"
      title={t("summaryTitle")}
      description={t("summaryDescription")}
      query={query}
      className={className}
      skeletonHeight="h-20"
      isEmpty={(data) => data.result.contacts === 0}
      table={(data) =>
        tableSpec(figuresOf(data.result), [
          { key: "figure", header: t("figure"), value: (row) => row.figure },
          {
            key: "value",
            header: t("value"),
            value: (row) => row.value,
            format: (row) => row.shown,
            numeric: true,
          },
          {
            key: "count",
            header: t("count"),
            value: (row) => row.count,
            format: (row) => format.number(row.count),
            numeric: true,
          },
          {
            key: "outOf",
            header: t("outOf"),
            value: (row) => row.outOf,
            format: (row) => format.number(row.outOf),
            numeric: true,
          },
        ])
      }
    >
      {(data) => (
        <dl className="grid grid-cols-1 gap-6 sm:grid-cols-3">
          {figuresOf(data.result).map((row) => (
            <div key={row.key}>
              <dt className="text-sm font-medium text-slate-600">{row.figure}</dt>
              <dd>
                <BigFigure
                  testId={`relevance-${row.key}`}
                  rawValue={row.value}
                  value={row.shown}
                  caption={row.caption}
                />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </ChartCard>
  );
}
