"use client";

import { useTranslations } from "next-intl";

import { ChartCard } from "@/components/charts/common/chart-card";
import { DataTable } from "@/components/charts/common/data-table";
import { tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import { type AudienceCheck, DEFAULT_AUDIENCE_TRAIT } from "@/lib/metrics/audience";

/** Campaigns addressing a loyalty tier by name, and how many recipients do not hold it. */
export function AudienceTile({ className }: { className?: string }) {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const query = useMetric<AudienceCheck>("audience");
  const table = (result: AudienceCheck) =>
    tableSpec(result.campaigns, [
      { key: "campaign", header: t("audienceCampaign"), value: (row) => row.campaignId },
      { key: "addressed", header: t("audienceAddressed"), value: (row) => row.addressedValue },
      {
        key: "recipients",
        header: t("audienceRecipients"),
        value: (row) => row.recipients,
        format: (row) => format.number(row.recipients),
        numeric: true,
      },
      {
        key: "mismatched",
        header: t("audienceMismatched"),
        value: (row) => row.mismatched,
        format: (row) => (row.mismatched > 0 ? `▲ ${format.number(row.mismatched)}` : "0"),
        numeric: true,
      },
      {
        key: "share",
        header: t("audienceShare"),
        value: (row) => row.share,
        format: (row) => format.percent(row.share),
        numeric: true,
      },
      {
        key: "actual",
        header: t("audienceActual"),
        value: (row) =>
          row.actualValues
            .map((entry) => `${entry.value ?? t("audienceNone")} ${format.number(entry.customers)}`)
            .join(", "),
      },
    ]);
  return (
    <ChartCard
      id="audience"
      title={t("audienceTitle")}
      description={t("audienceDescription", { trait: query.data?.result.trait ?? DEFAULT_AUDIENCE_TRAIT })}
      query={query}
      className={className}
      skeletonHeight="h-24"
      tableOnly
      isEmpty={(data) => data.result.campaigns.length === 0}
      table={(data) => table(data.result)}
    >
      {(data) => <DataTable table={table(data.result)} caption={t("audienceTitle")} />}
    </ChartCard>
  );
}
