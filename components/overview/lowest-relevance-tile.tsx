"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { usePageMetric } from "@/components/metrics/use-metric";
import { PAGE_METRICS } from "@/lib/metrics/page-metrics";
import type { RelevanceByCampaignRow } from "@/lib/metrics/relevance";

/** A campaign needs this many scored contacts before its mean relevance is ranked. */
const MIN_SCORED = 100;
const SHOWN = 5;

/** The five campaigns whose contacts matched their recipients' interests least. */
export function LowestRelevanceTile() {
  const t = useTranslations("overview");
  const format = useFormatters();
  const query = usePageMetric<RelevanceByCampaignRow[]>(PAGE_METRICS.relevanceCampaigns);
  const lowest = (rows: RelevanceByCampaignRow[]) =>
    rows
      .filter(
        (row) => row.campaignId !== null && row.meanRelevance !== null && row.scoredContacts >= MIN_SCORED,
      )
      .sort((a, b) => a.meanRelevance! - b.meanRelevance! || a.campaignId!.localeCompare(b.campaignId!))
      .slice(0, SHOWN);
  return (
    <ChartCard
      id="lowest-relevance"
      title={t("lowestRelevanceTitle")}
      description={t("lowestRelevanceDescription")}
      query={query}
      isEmpty={(data) => lowest(data.result).length === 0}
      table={(data) =>
        tableSpec(lowest(data.result), [
          { key: "campaign", header: t("campaign"), value: (row) => row.campaignId },
          {
            key: "meanRelevance",
            header: t("meanRelevance"),
            value: (row) => row.meanRelevance,
            format: (row) => format.number(row.meanRelevance, 1),
            numeric: true,
          },
          {
            key: "scored",
            header: t("scoredContacts"),
            value: (row) => row.scoredContacts,
            format: (row) => format.number(row.scoredContacts),
            numeric: true,
          },
          {
            key: "irrelevant",
            header: t("irrelevantShare"),
            value: (row) => row.irrelevantShare,
            format: (row) => format.percent(row.irrelevantShare),
            numeric: true,
          },
          {
            key: "clickRate",
            header: t("clickRate"),
            value: (row) => row.clickRate,
            format: (row) => format.percent(row.clickRate, 2),
            numeric: true,
          },
        ])
      }
    >
      {(data) => (
        <ol className="space-y-2">
          {lowest(data.result).map((row) => (
            <li key={row.campaignId} className="text-sm">
              <div className="flex justify-between gap-3">
                <span className="truncate font-medium">{row.campaignId}</span>
                <span className="tabular-nums">{format.number(row.meanRelevance, 1)}</span>
              </div>
              <div aria-hidden className="mt-1 h-2 rounded bg-slate-100">
                <div
                  className="h-2 rounded bg-chart-6"
                  style={{ width: `${Math.max(2, row.meanRelevance!)}%` }}
                />
              </div>
              <p className="mt-0.5 text-xs text-slate-600">
                {t("irrelevantShare")}: {format.percent(row.irrelevantShare)} · {t("clickRate")}:{" "}
                {format.percent(row.clickRate, 2)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </ChartCard>
  );
}
