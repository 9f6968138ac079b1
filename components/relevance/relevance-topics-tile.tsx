"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { ChartCard } from "@/components/charts/common/chart-card";
import { CHART_ALERT, CHART_AXIS, CHART_COLORS, CHART_GRID } from "@/components/charts/common/palette";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import { IRRELEVANT_BELOW, type RelevanceByTopicRow } from "@/lib/metrics/relevance";

import { useRelevanceColumns } from "./use-relevance-columns";

/** Topics with a score, least relevant first; the topic-less row and unscored topics last. */
function byRelevance(rows: RelevanceByTopicRow[]): RelevanceByTopicRow[] {
  return [...rows].sort((a, b) => {
    if (a.meanRelevance === null || b.meanRelevance === null) {
      return a.meanRelevance === b.meanRelevance ? 0 : a.meanRelevance === null ? 1 : -1;
    }
    return a.meanRelevance - b.meanRelevance;
  });
}

/** Mean relevance of each send topic's scored contacts as bars, with the irrelevance line at 20. */
export function RelevanceTopicsTile({ className }: { className?: string }) {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const columns = useRelevanceColumns<RelevanceByTopicRow>();
  const query = useMetric<RelevanceByTopicRow[]>("relevance-topics");
  const topicLabel = (topic: string | null) => topic ?? t("noTopic");
  return (
    <ChartCard
      id="relevance-topics"
      title={t("topicsTitle")}
      description={t("topicsDescription")}
      query={query}
      className={className}
      skeletonHeight="h-96"
      isEmpty={(data) => data.result.every((row) => row.scoredContacts === 0)}
      table={(data) =>
        tableSpec(byRelevance(data.result), [
          { key: "topic", header: t("topic"), value: (row) => topicLabel(row.topic) },
          ...columns,
        ])
      }
      footer={(data) => {
        const unscored = data.result.filter((row) => row.topic !== null && row.scoredContacts === 0).length;
        const withoutTopic = data.result.find((row) => row.topic === null)?.contacts ?? 0;
        return (
          <>
            {unscored > 0 ? <p>{t("topicsWithoutScore", { count: unscored })}</p> : null}
            {withoutTopic > 0 ? (
              <p className="text-xs text-slate-600">{t("withoutTopic", { count: withoutTopic })}</p>
            ) : null}
          </>
        );
      }}
    >
      {(data) => {
        const bars = byRelevance(data.result).filter((row) => row.meanRelevance !== null);
        return (
          <ResponsiveContainer width="100%" height={bars.length * 32 + 60}>
            <BarChart data={bars} layout="vertical" barCategoryGap={6} margin={{ top: 20, right: 40 }}>
              <CartesianGrid stroke={CHART_GRID} horizontal={false} />
              <XAxis
                type="number"
                domain={[0, 100]}
                ticks={[0, 20, 40, 60, 80, 100]}
                stroke={CHART_AXIS}
                fontSize={12}
              />
              <YAxis
                type="category"
                dataKey="topic"
                stroke={CHART_AXIS}
                fontSize={12}
                width={104}
                interval={0}
              />
              <Tooltip formatter={(value) => [format.number(Number(value), 1), t("meanRelevance")]} />
              <ReferenceLine
                x={IRRELEVANT_BELOW}
                stroke={CHART_ALERT}
                strokeDasharray="4 3"
                label={{
                  value: t("irrelevantLine"),
                  position: "top",
                  fontSize: 11,
                  fill: "#9a3412",
                }}
              />
              <Bar
                isAnimationActive={false}
                dataKey="meanRelevance"
                name={t("meanRelevance")}
                fill={CHART_COLORS[0]}
              >
                <LabelList
                  dataKey="meanRelevance"
                  position="right"
                  fontSize={11}
                  fill="#1e293b"
                  formatter={(value) => format.number(Number(value), 1)}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        );
      }}
    </ChartCard>
  );
}
