"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { Skeleton } from "@/components/ui/skeleton";
import type { MetricResponse } from "@/lib/metrics/query";

import { DataTable } from "./data-table";
import { reportExport } from "./report-export";
import type { TableSpec } from "./table-spec";
import { TileError } from "./tile-error";
import { csvFileName, downloadCsv, toCsv } from "./to-csv";

export interface ChartCardProps<T, Row> {
  /** Stable id: data-testid="tile-<id>", and the CSV file's name. */
  id: string;
  title: string;
  /** One or two sentences saying what is shown and how it is defined. */
  description?: React.ReactNode;
  query: UseQueryResult<MetricResponse<T>>;
  /** Exactly what the chart shows, for the table view and the CSV export. */
  table: (data: MetricResponse<T>) => TableSpec<Row>;
  /** True when there is nothing to chart (the empty state is shown instead). */
  isEmpty?: (data: MetricResponse<T>) => boolean;
  /** The chart (or figure) itself. */
  children: (data: MetricResponse<T>) => React.ReactNode;
  /** A line under the chart, e.g. the fatigue point in words. */
  footer?: (data: MetricResponse<T>) => React.ReactNode;
  /** Controls that define the query (e.g. a funnel's steps): shown while loading, on error and in both views. */
  controls?: React.ReactNode;
  /** The tile is a table itself (e.g. sortable): no chart/table switch; `children` render it. */
  tableOnly?: boolean;
  /** Says that bars (or the numbers in cells) lead to their customers; false when the role may not see them. */
  drillHint?: boolean | "cells";
  /** Tailwind height of the skeleton, e.g. "h-72". */
  skeletonHeight?: string;
  className?: string;
}

/**
 * A dashboard tile: loads on its own (skeleton), fails on its own (the server's message and a
 * retry), says when there is nothing to show, and offers its data as a table and as CSV.
 */
export function ChartCard<T, Row>({
  id,
  title,
  description,
  query,
  table,
  isEmpty,
  children,
  footer,
  controls,
  tableOnly = false,
  drillHint = false,
  skeletonHeight = "h-64",
  className = "",
}: ChartCardProps<T, Row>) {
  const t = useTranslations("chart");
  const [view, setView] = useState<"chart" | "table">("chart");
  const { workspace: slug } = useParams<{ workspace?: string }>();
  const data = query.data;
  const empty = data ? (isEmpty?.(data) ?? false) : false;
  const headingId = `tile-${id}-title`;
  return (
    <section
      data-testid={`tile-${id}`}
      aria-labelledby={headingId}
      aria-busy={query.isFetching}
      className={`flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm ${className}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-1 max-w-prose text-xs text-slate-600">{description}</p> : null}
        </div>
        {data && !empty ? (
          <div className="flex items-center gap-2">
            {tableOnly ? null : (
              <div
                role="group"
                aria-label={t("view")}
                className="flex rounded-lg border border-slate-300 p-0.5"
              >
                {(["chart", "table"] as const).map((option) => (
                  <button
                    key={option}
                    type="button"
                    aria-pressed={view === option}
                    onClick={() => setView(option)}
                    className={`rounded-md px-2 py-0.5 text-xs font-medium ${
                      view === option ? "bg-brand text-white" : "text-slate-700 hover:bg-slate-100"
                    }`}
                  >
                    {option === "chart" ? t("showChart") : t("showTable")}
                  </button>
                ))}
              </div>
            )}
            <button
              type="button"
              onClick={() => {
                const spec = table(data);
                downloadCsv(toCsv(spec), csvFileName(id, data.query));
                const { from, to, timeZone, channel, segmentId } = data.query;
                reportExport(slug, id, spec.rows.length, { from, to, timeZone, channel, segmentId });
              }}
              className="rounded-lg border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
            >
              {t("exportCsv")}
            </button>
          </div>
        ) : null}
      </div>
      {controls ? <div className="mt-4">{controls}</div> : null}
      <div className={`mt-4 flex-1 transition-opacity ${query.isFetching && data ? "opacity-60" : ""}`}>
        {query.isPending ? (
          <div role="status" aria-label={t("loading", { title })}>
            <Skeleton className={skeletonHeight} />
          </div>
        ) : query.isError && !data ? (
          <TileError
            title={t("errorTitle")}
            detail={query.error.message}
            retryLabel={t("retry")}
            onRetry={() => void query.refetch()}
          />
        ) : data && empty ? (
          <div className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center">
            <p className="text-sm font-semibold text-slate-800">{t("emptyTitle")}</p>
            <p className="mt-1 text-xs text-slate-600">{t("emptyBody")}</p>
          </div>
        ) : data ? (
          <>
            {view === "chart" || tableOnly ? (
              children(data)
            ) : (
              <DataTable table={table(data)} caption={title} />
            )}
            {footer ? <div className="mt-3 text-sm text-slate-700">{footer(data)}</div> : null}
            {drillHint && view === "chart" ? (
              <p className="mt-2 text-xs text-slate-600">
                {t(drillHint === "cells" ? "drillHintCells" : "drillHint")}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
