"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from "recharts";

import { CHART_COLORS } from "@/components/charts/common/palette";
import { useFormatters } from "@/components/charts/common/use-formatters";
import type { FunnelResult } from "@/lib/metrics/journeys";

import { formatDuration } from "./format-duration";
import { useFunnelStepLabel } from "./use-journey-labels";

const ROW_HEIGHT = 68;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * The funnel as horizontal bars on a grey track as long as step 1: each step's name and
 * filters on the left, its customers, conversions and median time from the step before on
 * the right — every figure in words, not in colour.
 */
export function FunnelChart({
  result,
  onSelectStep,
}: {
  result: FunnelResult;
  /** A bar was clicked: list that step's customers (only offered to roles that may see them). */
  onSelectStep?: (step: number) => void;
}) {
  const t = useTranslations("journeys");
  const format = useFormatters();
  const stepLabel = useFunnelStepLabel();
  const rows = result.steps;
  const first = rows[0]?.customers ?? 0;

  const rowOf = (tick: TickProps) => rows.find((row) => row.step === Number(tick.payload?.value));

  const renderStepTick = (tick: TickProps) => {
    const row = rowOf(tick);
    if (!row) return <g />;
    const { x = 0, y = 0 } = tick;
    const label = stepLabel(row.definition);
    return (
      <g transform={`translate(${x},${y})`}>
        <text
          x={-8}
          y={label.filters ? -3 : 4}
          textAnchor="end"
          fontSize={13}
          fontWeight={600}
          fill="#0f172a"
        >
          {`${row.step}. ${label.name}`}
        </text>
        {label.filters ? (
          <text x={-8} y={13} textAnchor="end" fontSize={11} fill="#475569">
            {label.filters}
          </text>
        ) : null}
      </g>
    );
  };

  const renderStatsTick = (tick: TickProps) => {
    const row = rowOf(tick);
    if (!row) return <g />;
    const { x = 0, y = 0 } = tick;
    const lines =
      row.step === 1
        ? [t("enteredFunnel")]
        : [
            row.step === 2
              ? t("fromFirst", { first: format.percent(row.conversionFromFirst) })
              : t("fromPreviousAndFirst", {
                  previous: format.percent(row.conversionFromPrevious),
                  step: row.step - 1,
                  first: format.percent(row.conversionFromFirst),
                }),
            row.medianSecondsFromPrevious === null
              ? t("noMedian")
              : t("medianAfter", {
                  time: formatDuration(row.medianSecondsFromPrevious, format.locale),
                  step: row.step - 1,
                }),
          ];
    return (
      <g
        transform={`translate(${Number(x) + 12},${Number(y) - 16})`}
        data-testid={`funnel-step-${row.step}`}
        data-value={row.customers}
      >
        <text fontSize={13} fontWeight={600} fill="#0f172a">
          {t("customersCount", { count: row.customers, formatted: format.number(row.customers) })}
        </text>
        {lines.map((line, i) => (
          <text key={i} y={16 * (i + 1)} fontSize={11} fill="#475569">
            {line}
          </text>
        ))}
      </g>
    );
  };

  return (
    <ResponsiveContainer width="100%" height={rows.length * ROW_HEIGHT + 8}>
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
        barCategoryGap={14}
      >
        <XAxis type="number" hide domain={[0, Math.max(first, 1)]} />
        <YAxis
          yAxisId="steps"
          type="category"
          dataKey="step"
          width={210}
          axisLine={false}
          tickLine={false}
          tick={renderStepTick}
        />
        <YAxis
          yAxisId="stats"
          orientation="right"
          type="category"
          dataKey="step"
          width={290}
          axisLine={false}
          tickLine={false}
          tick={renderStatsTick}
        />
        <Bar
          yAxisId="steps"
          dataKey="customers"
          name={t("customers")}
          fill={CHART_COLORS[0]}
          background={{ fill: "#e2e8f0" }}
          radius={[0, 4, 4, 0]}
          isAnimationActive={false}
          cursor={onSelectStep ? "pointer" : undefined}
          onClick={onSelectStep ? (_bar, index) => onSelectStep(rows[index].step) : undefined}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
