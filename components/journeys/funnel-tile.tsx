"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { ChartCard } from "@/components/charts/common/chart-card";
import { lazyChart } from "@/components/charts/common/lazy-chart";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { type BarChoice, clickedBar } from "@/components/metrics/bar-customers";
import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { useMetric } from "@/components/metrics/use-metric";
import type { FunnelResult } from "@/lib/metrics/journeys";
import type { RelevanceByTopicRow } from "@/lib/metrics/relevance";

import { formatDuration } from "./format-duration";
import { FunnelBuilder } from "./funnel-builder";
import { FunnelStepCustomers } from "./funnel-step-customers";
import { useFunnelStepLabel } from "./use-journey-labels";
import { useFunnelParams } from "./use-journey-params";

const FunnelChart = lazyChart(() => import("./funnel-chart").then((module) => module.FunnelChart));

/** The funnel builder and its funnel: customers per step, conversion and median time between steps. */
export function FunnelTile() {
  const t = useTranslations("journeys");
  const format = useFormatters();
  const stepLabel = useFunnelStepLabel();
  const [{ steps, conversionDays }, setParams] = useFunnelParams();
  const [choice, setChoice] = useState<BarChoice>({ value: "1", clicks: 0 });
  const { canViewCustomers } = useDashboardQuery();
  const query = useMetric<FunnelResult>("funnel", {
    steps: JSON.stringify(steps),
    conversionWindowDays: String(conversionDays),
  });
  // The topics offered in the step filters: those contacted about in the period.
  const topics = useMetric<RelevanceByTopicRow[]>("relevance-topics");
  const topicNames = (topics.data?.result ?? [])
    .map((row) => row.topic)
    .filter((topic): topic is string => topic !== null)
    .sort();
  const describe = (row: FunnelResult["steps"][number]) => {
    const label = stepLabel(row.definition);
    return label.filters ? `${label.name} (${label.filters})` : label.name;
  };
  return (
    <ChartCard
      id="funnel"
      title={t("funnelTitle")}
      description={t("funnelDescription")}
      query={query}
      skeletonHeight="h-56"
      controls={
        <FunnelBuilder
          steps={steps}
          conversionDays={conversionDays}
          topics={topicNames}
          onStepsChange={(next) => void setParams({ steps: next })}
          onConversionDaysChange={(days) => void setParams({ conversionDays: days })}
        />
      }
      isEmpty={(data) => (data.result.steps[0]?.customers ?? 0) === 0}
      table={(data) =>
        tableSpec(data.result.steps, [
          { key: "step", header: t("step"), value: (row) => row.step, numeric: true },
          { key: "event", header: t("event"), value: describe },
          {
            key: "customers",
            header: t("customers"),
            value: (row) => row.customers,
            format: (row) => format.number(row.customers),
            numeric: true,
          },
          {
            key: "fromPrevious",
            header: t("conversionFromPrevious"),
            value: (row) => row.conversionFromPrevious,
            format: (row) => format.percent(row.conversionFromPrevious),
            numeric: true,
          },
          {
            key: "fromFirst",
            header: t("conversionFromFirst"),
            value: (row) => row.conversionFromFirst,
            format: (row) => format.percent(row.conversionFromFirst),
            numeric: true,
          },
          {
            key: "medianTime",
            header: t("medianTime"),
            value: (row) =>
              row.medianSecondsFromPrevious === null
                ? null
                : formatDuration(row.medianSecondsFromPrevious, format.locale),
            numeric: true,
          },
        ])
      }
      footer={(data) => (
        <>
          <p>{t("funnelFooter", { days: data.result.conversionWindowDays })}</p>
          <FunnelStepCustomers
            result={data.result}
            steps={steps}
            conversionDays={conversionDays}
            choice={choice}
            onChoose={setChoice}
          />
        </>
      )}
    >
      {(data) => (
        <FunnelChart
          result={data.result}
          onSelectStep={
            canViewCustomers ? (step) => setChoice(clickedBar(choice, String(step))) : undefined
          }
        />
      )}
    </ChartCard>
  );
}
