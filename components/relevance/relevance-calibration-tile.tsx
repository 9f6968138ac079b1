"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { ChartCard } from "@/components/charts/common/chart-card";
import { comparisonBars } from "@/components/charts/common/comparison-bars";
import { CHART_AXIS, CHART_COLORS, CHART_GRID } from "@/components/charts/common/palette";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { clickedBar } from "@/components/metrics/bar-customers";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { useComparisonSeries } from "@/components/metrics/use-comparison-series";
import { useMetric } from "@/components/metrics/use-metric";
import type { RelevanceCalibration } from "@/lib/metrics/relevance";

import { bandLabel } from "./band-label";
import { MIN_CONTACTS_PER_BAND, readCalibration } from "./calibration-reading";
import { FIRST_BAND, RelevanceBandCustomers } from "./relevance-band-customers";

const HATCH_ID = "relevance-calibration-no-signal";

/** Click rate per relevance band (and for "no signal"), with one sentence on whether the score predicts clicks. */
export function RelevanceCalibrationTile({ className }: { className?: string }) {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const { canViewCustomers } = useDashboardQuery();
  const [choice, setChoice] = useState(FIRST_BAND);
  const tChart = useTranslations("chart");
  const series = useComparisonSeries();
  const query = useMetric<RelevanceCalibration>("relevance-calibration", {}, { withComparison: true });
  /** The rows, each with the comparison period's click rate when one is shown. */
  const rowsOf = (result: RelevanceCalibration, compared: RelevanceCalibration | null = null) =>
    result.rows.map((row) => ({
      ...row,
      label: row.band === "none" ? t("noSignal") : bandLabel(row.band),
      comparisonClickRate:
        series && compared
          ? (compared.rows.find((other) => other.band === row.band)?.clickRate ?? null)
          : null,
    }));
  return (
    <ChartCard
      id="relevance-calibration"
      title={t("calibrationTitle")}
      description={t("calibrationDescription", { minimum: MIN_CONTACTS_PER_BAND })}
      query={query}
      className={className}
      skeletonHeight="h-72"
      isEmpty={(data) => data.result.rows.every((row) => row.contacts === 0)}
      table={(data) =>
        tableSpec(rowsOf(data.result, data.comparison), [
          { key: "band", header: t("band"), value: (row) => row.label },
          {
            key: "contacts",
            header: t("contacts"),
            value: (row) => row.contacts,
            format: (row) => format.number(row.contacts),
            numeric: true,
          },
          {
            key: "engagedContacts",
            header: t("engagedContacts"),
            value: (row) => row.engagedContacts,
            format: (row) => format.number(row.engagedContacts),
            numeric: true,
          },
          {
            key: "clickRate",
            header: t("clickRate"),
            value: (row) => row.clickRate,
            format: (row) => format.percent(row.clickRate),
            numeric: true,
          },
          ...(series && data.comparison
            ? [
                {
                  key: "comparisonClickRate",
                  header: series.column(t("clickRate")),
                  value: (row: { comparisonClickRate: number | null }) => row.comparisonClickRate,
                  format: (row: { comparisonClickRate: number | null }) =>
                    format.percent(row.comparisonClickRate),
                  numeric: true,
                },
              ]
            : []),
        ])
      }
      footer={(data) => {
        const reading = readCalibration(data.result.rows);
        const sentence =
          reading.kind === "too-few"
            ? t("calibrationTooFew", { minimum: MIN_CONTACTS_PER_BAND })
            : t(
                reading.kind === "rises"
                  ? "calibrationRises"
                  : reading.kind === "falls"
                    ? "calibrationFalls"
                    : "calibrationFlat",
                {
                  low: format.percent(reading.low.clickRate),
                  lowBand: bandLabel(reading.low.band),
                  high: format.percent(reading.high.clickRate),
                  highBand: bandLabel(reading.high.band),
                },
              );
        const withoutTopic = data.result.contactsWithoutTopic;
        return (
          <>
            <p data-testid="relevance-calibration-reading" data-kind={reading.kind} className="font-medium">
              {sentence}
            </p>
            {withoutTopic > 0 ? (
              <p className="mt-1 text-xs text-slate-600">{t("withoutTopic", { count: withoutTopic })}</p>
            ) : null}
            <RelevanceBandCustomers
              bands={rowsOf(data.result).map((row) => ({
                band: row.band,
                label: row.label,
                contacts: row.contacts,
              }))}
              choice={choice}
              onChoose={setChoice}
            />
          </>
        );
      }}
    >
      {(data) => {
        const rows = rowsOf(data.result, data.comparison);
        const compared = series !== null && data.comparison !== null;
        return (
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={rows} margin={{ top: 20, right: 24 }}>
              <defs>
                <pattern
                  id={HATCH_ID}
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width="6" height="6" fill="#e2e8f0" />
                  <line x1="0" y1="0" x2="0" y2="6" stroke={CHART_AXIS} strokeWidth="2" />
                </pattern>
              </defs>
              <CartesianGrid stroke={CHART_GRID} vertical={false} />
              <XAxis dataKey="label" stroke={CHART_AXIS} tick={{ fontSize: 11, width: 40 }} interval={0} />
              <YAxis
                stroke={CHART_AXIS}
                fontSize={12}
                tickFormatter={(value: number) => format.percent(value)}
              />
              <Tooltip
                formatter={(value, _name, item) => [
                  `${format.percent(Number(value))} (${format.number(item.payload.engagedContacts)} / ${format.number(item.payload.contacts)})`,
                  t("clickRate"),
                ]}
              />
              {comparisonBars(compared ? { dataKey: "comparisonClickRate", name: series.name } : null)}
              <Bar
                isAnimationActive={false}
                dataKey="clickRate"
                name={compared ? tChart("thisPeriod") : t("clickRate")}
                fill={CHART_COLORS[0]}
                radius={[4, 4, 0, 0]}
                cursor={canViewCustomers ? "pointer" : undefined}
                onClick={
                  canViewCustomers
                    ? (_bar, index) => setChoice(clickedBar(choice, rows[index].band))
                    : undefined
                }
              >
                {rows.map((row) => (
                  <Cell
                    key={row.band}
                    fill={row.band === "none" ? `url(#${HATCH_ID})` : CHART_COLORS[0]}
                    stroke={CHART_AXIS}
                    strokeWidth={row.band === "none" ? 1 : 0}
                  />
                ))}
                <LabelList
                  dataKey="clickRate"
                  position="top"
                  fontSize={11}
                  fill="#1e293b"
                  formatter={(value) =>
                    value === null || value === undefined ? "—" : format.percent(Number(value))
                  }
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        );
      }}
    </ChartCard>
  );
}
