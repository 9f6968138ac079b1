"use client";

import { useTranslations } from "next-intl";

import { formatDateTime, formatNumber } from "@/lib/format";
import { isActiveImport, type ImportView } from "@/lib/import/import-view";

import type { DataT } from "./data-t";
import { ImportActions } from "./import-actions";
import { describeCsvDialect, formatBytes, formatDuration } from "./import-format";
import { ImportProgress } from "./import-progress";
import { ImportStatusBadge } from "./import-status-badge";
import { stackedTable } from "./styles";
import type { ImportRate } from "./use-import-rates";

export interface HistoryContext {
  slug: string;
  locale: string;
  timeZone: string;
  canDelete: boolean;
}

/** One import in the history: the file, who started it when, its status and progress, its counts, its actions. */
export function ImportHistoryRow({
  view,
  rate,
  context,
}: {
  view: ImportView;
  rate: ImportRate | null;
  context: HistoryContext;
}) {
  const t = useTranslations("data");
  const { locale, timeZone } = context;
  const active = isActiveImport(view);
  const at = (iso: string) => formatDateTime(new Date(iso), locale, timeZone);
  return (
    <tr
      role="row"
      id={`import-${view.id}`}
      data-testid="import-row"
      data-import-id={view.id}
      data-status={view.status}
      className={`${stackedTable.row} scroll-mt-6 target:bg-brand-soft/60`}
    >
      <th role="rowheader" scope="row" className={`${stackedTable.cell} font-normal md:max-w-[16rem]`}>
        <span className="block font-medium break-all text-slate-900">{view.fileName}</span>
        <span className="block text-xs text-slate-500">
          #{view.id} · {view.format === "csv" ? "CSV" : "NDJSON"} · {formatBytes(view.totalBytes, locale)}
        </span>
        {view.csv ? (
          <span className="block text-xs text-slate-500">
            {describeCsvDialect(view.csv.delimiter, view.csv.decimal, t)}
          </span>
        ) : null}
      </th>
      <td role="cell" className={`${stackedTable.cell} md:whitespace-nowrap`}>
        <span aria-hidden className={stackedTable.label}>
          {t("history.started")}
        </span>
        <time dateTime={view.createdAt} suppressHydrationWarning className="block text-slate-800">
          {at(view.createdAt)}
        </time>
        <span className="block text-xs text-slate-500">
          {view.createdBy ? (
            t("history.by", { name: view.createdBy })
          ) : (
            <>
              <span aria-hidden>{t("history.byNobody")}</span>
              <span className="sr-only">{t("history.creatorUnknown")}</span>
            </>
          )}
        </span>
      </td>
      <td role="cell" className={`${stackedTable.cell} md:min-w-[15rem]`}>
        <span aria-hidden className={stackedTable.label}>
          {t("history.status")}
        </span>
        <ImportStatusBadge status={view.status} />
        {active ? (
          <ImportProgress view={view} rate={rate} locale={locale} />
        ) : (
          <Outcome view={view} at={at} t={t} />
        )}
      </td>
      <td role="cell" className={stackedTable.cell}>
        <span aria-hidden className={stackedTable.label}>
          {active ? t("history.rowsSoFar") : t("history.rows")}
        </span>
        <Counts view={view} locale={locale} t={t} />
      </td>
      <td role="cell" className={stackedTable.cell}>
        <ImportActions slug={context.slug} view={view} canDelete={context.canDelete} locale={locale} />
      </td>
    </tr>
  );
}

function Outcome({ view, at, t }: { view: ImportView; at: (iso: string) => string; t: DataT }) {
  const started = view.startedAt ?? view.createdAt;
  const took = view.finishedAt ? Date.parse(view.finishedAt) - Date.parse(started) : null;
  return (
    <div className="mt-1.5 space-y-1 text-xs text-slate-600">
      {took !== null ? (
        <p>
          {t(view.status === "completed" ? "history.took" : "history.stoppedAfter", {
            duration: formatDuration(took, t),
          })}
          {view.finishedAt ? (
            <>
              {" · "}
              <time dateTime={view.finishedAt} suppressHydrationWarning>
                {at(view.finishedAt)}
              </time>
            </>
          ) : null}
        </p>
      ) : null}
      {view.status === "failed" && view.error ? (
        <p className="rounded border border-chart-6/30 bg-chart-6/5 px-2 py-1 text-[#8a3908]">
          <span className="font-semibold">{t("history.reason")}</span> {view.error}
        </p>
      ) : null}
      {view.status === "cancelled" && view.eventsDeletedAt === null ? (
        <p>{t("history.cancelledNote")}</p>
      ) : null}
      {view.eventsDeletedAt ? (
        <p data-testid="import-events-deleted" className="font-medium text-slate-800">
          {t.rich("history.eventsDeleted", {
            date: at(view.eventsDeletedAt),
            time: (chunks) => (
              <time dateTime={view.eventsDeletedAt ?? undefined} suppressHydrationWarning>
                {chunks}
              </time>
            ),
          })}
        </p>
      ) : null}
    </div>
  );
}

function Counts({ view, locale, t }: { view: ImportView; locale: string; t: DataT }) {
  const items = [
    { key: "accepted", label: t("history.accepted"), value: view.accepted, tone: "text-slate-900" },
    { key: "duplicates", label: t("history.duplicates"), value: view.duplicates, tone: "text-slate-900" },
    {
      key: "rejected",
      label: t("history.rejected"),
      value: view.rejected,
      tone: view.rejected > 0 ? "font-semibold text-[#8a3908]" : "text-slate-900",
    },
  ];
  return (
    <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5 text-xs md:w-max">
      {items.map((item) => (
        <div key={item.key} className="contents">
          <dt className="text-slate-500">{item.label}</dt>
          <dd data-testid={`import-${item.key}`} className={`text-right tabular-nums ${item.tone}`}>
            {formatNumber(item.value, locale)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
