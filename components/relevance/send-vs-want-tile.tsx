"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  type LabelProps,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { ChartCard } from "@/components/charts/common/chart-card";
import { CHART_AXIS, CHART_COLORS, CHART_GRID } from "@/components/charts/common/palette";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useComparisonSeries } from "@/components/metrics/use-comparison-series";
import { usePageMetric } from "@/components/metrics/use-metric";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";
import type { SendVsWant } from "@/lib/metrics/relevance";

import { divergingAxis, sendVsWantBars } from "./send-vs-want-rows";

const SEND_COLOR = CHART_COLORS[0];
const WANT_COLOR = CHART_COLORS[1];
const AXIS_WIDTH = 104;
const MARGIN = 8;

/**
 * Send share against want share per topic as diverging bars (sent to the left, wanted to the
 * right, each with its value), sorted by the gap. Follows the dashboard's channel and segment.
 */
export function SendVsWantTile({ className }: { className?: string }) {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const series = useComparisonSeries();
  // With the comparison period, as the Overview's headline figures ask: one request for both.
  const query = usePageMetric<SendVsWant>(PAGE_METRICS.gap);
  /** The comparison period's row of a topic, when one is shown. */
  const comparedOf = (data: { comparison: SendVsWant | null }, topic: string) =>
    series ? (data.comparison?.topics.find((row) => row.topic === topic) ?? null) : null;
  const points = (gap: number) =>
    t("points", { value: `${gap > 0 ? "+" : gap < 0 ? "−" : ""}${format.number(Math.abs(gap) * 100, 1)}` });
  /** A bar's value beside its outer end: left of a send bar, right of a want bar. */
  const outerLabel = (side: "left" | "right") =>
    function OuterLabel({ x, y, width, height, value }: LabelProps) {
      const [left, top, w, h] = [x, y, width, height].map(Number);
      const edge = side === "left" ? Math.min(left, left + w) - 4 : Math.max(left, left + w) + 4;
      return (
        <text
          x={edge}
          y={top + h / 2}
          dy="0.35em"
          textAnchor={side === "left" ? "end" : "start"}
          fontSize={11}
          fill="#1e293b"
        >
          {format.percent(Math.abs(Number(value)))}
        </text>
      );
    };
  return (
    <ChartCard
      id="send-vs-want"
      title={t("sendVsWantTitle")}
      description={t("sendVsWantDescription")}
      query={query}
      className={className}
      skeletonHeight="h-96"
      isEmpty={(data) => data.result.topics.length === 0}
      table={(data) =>
        tableSpec(sendVsWantBars(data.result.topics), [
          { key: "topic", header: t("topic"), value: (row) => row.topic },
          {
            key: "contacts",
            header: t("contacts"),
            value: (row) => row.contacts,
            format: (row) => format.number(row.contacts),
            numeric: true,
          },
          {
            key: "sendShare",
            header: t("sendShare"),
            value: (row) => row.sendShare,
            format: (row) => format.percent(row.sendShare),
            numeric: true,
          },
          {
            key: "signalWeight",
            header: t("signalWeight"),
            value: (row) => row.signalWeight,
            format: (row) => format.number(row.signalWeight),
            numeric: true,
          },
          {
            key: "wantShare",
            header: t("wantShare"),
            value: (row) => row.wantShare,
            format: (row) => format.percent(row.wantShare),
            numeric: true,
          },
          {
            key: "gap",
            header: t("gapPoints"),
            value: (row) => row.gap,
            format: (row) => points(row.gap),
            numeric: true,
          },
          ...(series && data.comparison
            ? [
                {
                  key: "comparisonSendShare",
                  header: series.column(t("sendShare")),
                  value: (row: { topic: string }) => comparedOf(data, row.topic)?.sendShare ?? null,
                  format: (row: { topic: string }) =>
                    format.percent(comparedOf(data, row.topic)?.sendShare ?? null),
                  numeric: true,
                },
                {
                  key: "comparisonWantShare",
                  header: series.column(t("wantShare")),
                  value: (row: { topic: string }) => comparedOf(data, row.topic)?.wantShare ?? null,
                  format: (row: { topic: string }) =>
                    format.percent(comparedOf(data, row.topic)?.wantShare ?? null),
                  numeric: true,
                },
              ]
            : []),
        ])
      }
      footer={(data) => (
        <>
          <p>
            {t("sendVsWantFooter", {
              gap: format.number(data.result.gapIndex, 1),
              count: data.result.contactsWithoutTopic,
            })}
          </p>
          {series && data.comparison ? (
            <p className="mt-1 text-xs text-slate-600" data-testid="send-vs-want-compared">
              {t("sendVsWantCompared", {
                period: series.name,
                gap: format.number(data.comparison.gapIndex, 1),
              })}
            </p>
          ) : null}
        </>
      )}
    >
      {(data) => {
        const bars = sendVsWantBars(data.result.topics);
        const axis = divergingAxis(Math.max(...bars.map((row) => Math.max(-row.sendBar, row.wantBar))));
        return (
          <>
            <div
              className="mb-1 flex text-xs font-medium text-slate-700"
              style={{ paddingLeft: MARGIN + AXIS_WIDTH, paddingRight: MARGIN }}
            >
              <p className="flex flex-1 items-center justify-end gap-1.5 pr-2">
                <span
                  aria-hidden
                  className="inline-block size-3 rounded-sm"
                  style={{ backgroundColor: SEND_COLOR }}
                />
                <span aria-hidden>◀</span> {t("sendShare")}
              </p>
              <p className="flex flex-1 items-center gap-1.5 pl-2">
                {t("wantShare")} <span aria-hidden>▶</span>
                <span
                  aria-hidden
                  className="inline-block size-3 rounded-sm"
                  style={{ backgroundColor: WANT_COLOR }}
                />
              </p>
            </div>
            <ResponsiveContainer width="100%" height={bars.length * 32 + 40}>
              <BarChart
                data={bars}
                layout="vertical"
                stackOffset="sign"
                barCategoryGap={6}
                margin={{ left: MARGIN, right: MARGIN }}
              >
                <CartesianGrid stroke={CHART_GRID} horizontal={false} />
                <XAxis
                  type="number"
                  domain={[-axis.limit, axis.limit]}
                  ticks={axis.ticks}
                  stroke={CHART_AXIS}
                  fontSize={12}
                  tickFormatter={(value: number) => format.percent(Math.abs(value), 0)}
                />
                <YAxis
                  type="category"
                  dataKey="topic"
                  stroke={CHART_AXIS}
                  fontSize={12}
                  width={AXIS_WIDTH}
                  interval={0}
                />
                <Tooltip
                  formatter={(value, name) => [format.percent(Math.abs(Number(value))), name]}
                  labelFormatter={(topic) => {
                    const row = bars.find((bar) => bar.topic === topic);
                    if (!row) return topic;
                    return `${topic}: ${points(row.gap)} (${t(row.gap >= 0 ? "overSent" : "underSent")})`;
                  }}
                />
                <ReferenceLine x={0} stroke={CHART_AXIS} />
                <Bar
                  isAnimationActive={false}
                  dataKey="sendBar"
                  stackId="share"
                  name={t("sendShare")}
                  fill={SEND_COLOR}
                >
                  <LabelList dataKey="sendBar" content={outerLabel("left")} />
                </Bar>
                <Bar
                  isAnimationActive={false}
                  dataKey="wantBar"
                  stackId="share"
                  name={t("wantShare")}
                  fill={WANT_COLOR}
                >
                  <LabelList dataKey="wantBar" content={outerLabel("right")} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </>
        );
      }}
    </ChartCard>
  );
}
