"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { ChartCard } from "@/components/charts/common/chart-card";
import { nextSort, sortRows, type TableSort } from "@/components/charts/common/sort-rows";
import { SortableTable } from "@/components/charts/common/sortable-table";
import { type TableSpec, tableSpec } from "@/components/charts/common/table-spec";
import { useFormatters } from "@/components/charts/common/use-formatters";
import { useMetric } from "@/components/metrics/use-metric";
import type { RelevanceByCampaignRow } from "@/lib/metrics/relevance";

import { useRelevanceColumns } from "./use-relevance-columns";

/**
 * Every campaign's relevance, coverage, irrelevant share and click rate as a table, sortable by
 * each column and filtered by campaign; the CSV export holds the rows as filtered and sorted.
 */
export function RelevanceCampaignsTile({ className }: { className?: string }) {
  const t = useTranslations("relevance");
  const format = useFormatters();
  const columns = useRelevanceColumns<RelevanceByCampaignRow>();
  const query = useMetric<RelevanceByCampaignRow[]>("relevance-campaigns");
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<TableSort>({ key: "contacts", direction: "descending" });
  const filterId = useId();
  const campaignLabel = (row: RelevanceByCampaignRow) => row.campaignId ?? t("noCampaign");
  const shownTable = (rows: RelevanceByCampaignRow[]): TableSpec<RelevanceByCampaignRow> => {
    const needle = filter.trim().toLocaleLowerCase(format.locale);
    const all = tableSpec(rows, [
      { key: "campaign", header: t("campaign"), value: campaignLabel },
      ...columns,
    ]);
    const kept = needle
      ? rows.filter((row) => campaignLabel(row).toLocaleLowerCase(format.locale).includes(needle))
      : rows;
    return { ...all, rows: sortRows({ ...all, rows: kept }, sort, format.locale) };
  };
  return (
    <ChartCard
      id="relevance-campaigns"
      title={t("campaignsTitle")}
      description={t("campaignsDescription")}
      query={query}
      className={className}
      skeletonHeight="h-96"
      tableOnly
      isEmpty={(data) => data.result.length === 0}
      table={(data) => shownTable(data.result)}
    >
      {(data) => {
        const table = shownTable(data.result);
        return (
          <>
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
              <label htmlFor={filterId} className="flex items-center gap-2">
                <span className="text-slate-600">{t("filterCampaigns")}</span>
                <input
                  id={filterId}
                  type="search"
                  value={filter}
                  onChange={(event) => setFilter(event.target.value)}
                  placeholder={t("filterPlaceholder")}
                  className="w-56 rounded-lg border border-slate-300 bg-white px-2 py-1"
                />
              </label>
              <p className="text-slate-600" aria-live="polite">
                {t("campaignsShown", { shown: format.number(table.rows.length), total: data.result.length })}
              </p>
            </div>
            {table.rows.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-700">
                {t("noCampaignMatches", { filter: filter.trim() })}
              </p>
            ) : (
              <SortableTable
                table={table}
                caption={t("campaignsTitle")}
                sort={sort}
                onSort={(key) => setSort((current) => nextSort(current, key, key !== "campaign"))}
                rowKey={(row) => row.campaignId ?? "\u0000none"}
              />
            )}
          </>
        );
      }}
    </ChartCard>
  );
}
