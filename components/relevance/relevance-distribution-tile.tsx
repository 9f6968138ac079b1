"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { ChartCard } from "@/components/charts/common/chart-card";
import { comparisonBars } from "@/components/charts/common/comparison-bars";
import { CHART_ALERT, CHART_AXIS, CHART_COLORS, CHART_GRID } from "@/components/charts/common/palette";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { clickedBar } from "@/components/metrics/bar-customers";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { useComparisonSeries } from "@/components/metrics/use-comparison-series";
import { useMetric } from "@/components/metrics/use-metric";
import { IRRELEVANT_BELOW, type RelevanceDistribution } from "@/lib/metrics/relevance";

import { bandLabel } from "./band-label";
import { FIRST_BAND, RelevanceBandCustomers } from "./relevance-band-customers";

/** The next round number at or above `value` (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of 10). */
function roundUp(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const factor =
    [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((candidate) => candidate * power >= value) ?? 10;
  return factor * power;
}

const isIrrelevant = (band: { upper: number }) => band.upper <= IRRELEVANT_BELOW;

/** Scored contacts per relevance band of 10 points; the irrelevant bands (below 20) marked and named. */
export function RelevanceDistributionTile({ className }: { className?: string }) {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const tChart = useTranslations("chart");
  const series = useComparisonSeries();
  const { canViewCustomers } = useDashboardQuery();
  const [choice, setChoice] = useState(FIRST_BAND);
  const query = useMetric<RelevanceDistribution>("relevance-distribution", {}, { withComparison: true });
  /** The bands, each with its scored contacts in the comparison period when one is shown. */
  const bandsOf = (result: RelevanceDistribution, compared: RelevanceDistribution | null) =>
    result.bands.map((band) => ({
      ...band,
      label: bandLabel(band.band),
      comparison:
        series && compared
          ? (compared.bands.find((other) => other.band === band.band)?.scoredContacts ?? 0)
          : null,
    }));
  return (
    <ChartCard
      id="relevance-distribution"
      title={t("distributionTitle")}
      description={t("distributionDescription")}
      query={query}
      className={className}
      skeletonHeight="h-72"
      isEmpty={(data) => data.result.scoredContacts === 0}
      table={(data) =>
        tableSpec(bandsOf(data.result, data.comparison), [
          { key: "band", header: t("band"), value: (row) => row.label },
          {
            key: "scoredContacts",
            header: t("scoredContacts"),
            value: (row) => row.scoredContacts,
            format: (row) => format.number(row.scoredContacts),
            numeric: true,
          },
          {
            key: "share",
            header: t("share"),
            value: (row) => row.share,
            format: (row) => format.percent(row.share),
            numeric: true,
          },
          { key: "irrelevant", header: t("irrelevant"), value: (row) => t(isIrrelevant(row) ? "yes" : "no") },
          ...(series && data.comparison
            ? [
                {
                  key: "comparisonScoredContacts",
                  header: series.column(t("scoredContacts")),
                  value: (row: { comparison: number | null }) => row.comparison,
                  format: (row: { comparison: number | null }) => format.number(row.comparison ?? 0),
                  numeric: true,
                },
              ]
            : []),
        ])
      }
      footer={(data) => {
        const shareOf = (keep: (band: { lower: number; upper: number }) => boolean) =>
          data.result.bands.filter(keep).reduce((sum, band) => sum + band.scoredContacts, 0) /
          data.result.scoredContacts;
        return (
          <>
            <p>
              {t("distributionFooter", {
                irrelevant: format.percent(shareOf(isIrrelevant)),
                top: format.percent(shareOf((band) => band.lower >= 90)),
              })}
            </p>
            <RelevanceBandCustomers
              bands={data.result.bands.map((band) => ({
                band: band.band,
                label: bandLabel(band.band),
                contacts: band.scoredContacts,
              }))}
              choice={choice}
              onChoose={setChoice}
            />
          </>
        );
      }}
    >
      {(data) => {
        const bands = bandsOf(data.result, data.comparison);
        const compared = series !== null && data.comparison !== null;
        const lastIrrelevant = bands.filter(isIrrelevant).at(-1)?.label;
        return (
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={bands} margin={{ top: 28 }}>
              <CartesianGrid stroke={CHART_GRID} vertical={false} />
              {lastIrrelevant ? (
                <ReferenceArea
                  x1={bands[0].label}
                  x2={lastIrrelevant}
                  fill={CHART_ALERT}
                  fillOpacity={0.08}
                  label={{ value: t("irrelevantArea"), position: "top", fontSize: 11, fill: "#9a3412" }}
                />
              ) : null}
              <XAxis dataKey="label" stroke={CHART_AXIS} fontSize={11} interval={0} />
              <YAxis
                domain={[0, (dataMax: number) => roundUp(dataMax * 1.15)]}
                stroke={CHART_AXIS}
                fontSize={12}
                tickFormatter={(value: number) => format.number(value)}
              />
              <Tooltip formatter={(value, name) => [format.number(Number(value)), name]} />
              {comparisonBars(compared ? { dataKey: "comparison", name: series.name } : null)}
              <Bar
                isAnimationActive={false}
                dataKey="scoredContacts"
                name={compared ? tChart("thisPeriod") : t("scoredContacts")}
                fill={CHART_COLORS[0]}
                radius={[4, 4, 0, 0]}
                cursor={canViewCustomers ? "pointer" : undefined}
                onClick={
                  canViewCustomers
                    ? (_bar, index) => setChoice(clickedBar(choice, bands[index].band))
                    : undefined
                }
              >
                {bands.map((band) => (
                  <Cell key={band.band} fill={isIrrelevant(band) ? CHART_ALERT : CHART_COLORS[0]} />
                ))}
                <LabelList
                  dataKey="share"
                  position="top"
                  fontSize={11}
                  fill="#1e293b"
                  formatter={(value) => format.percent(Number(value))}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        );
      }}
    </ChartCard>
  );
}
