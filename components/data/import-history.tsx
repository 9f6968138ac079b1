"use client";

import { useTranslations } from "next-intl";

import { EmptyState } from "@/components/ui/empty-state";
import type { ImportView } from "@/lib/import/import-view";

import { ImportHistoryRow, type HistoryContext } from "./import-history-row";
import { ImportHistorySkeleton } from "./import-history-skeleton";
import { buttonStyles, stackedTable } from "./styles";
import { useImportRates } from "./use-import-rates";
import { useImports } from "./use-imports";

/**
 * The workspace's imports, newest first: rendered from the server's list, then kept live by
 * polling while any import is queued or running.
 */
export function ImportHistory({
  initialImports,
  ...context
}: HistoryContext & { initialImports: ImportView[] }) {
  const t = useTranslations("data.history");
  const query = useImports(context.slug, initialImports);
  const imports = query.data?.imports ?? [];
  const rates = useImportRates(imports, query.dataUpdatedAt);

  if (query.isPending) return <ImportHistorySkeleton />;
  if (query.isError && !query.data) {
    return (
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-5">
        <p className="font-semibold text-red-900">{t("loadFailed")}</p>
        <p className="mt-1 text-sm text-red-800">{query.error.message}</p>
        <button
          type="button"
          onClick={() => void query.refetch()}
          className={`${buttonStyles.secondary} mt-3`}
        >
          {t("retry")}
        </button>
      </div>
    );
  }
  if (imports.length === 0) {
    return (
      <EmptyState title={t("emptyTitle")}>
        <p>{t("emptyBody")}</p>
      </EmptyState>
    );
  }
  return (
    <>
      {query.isError ? (
        <p role="status" className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("refreshFailed", { reason: query.error.message })}
        </p>
      ) : null}
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <table role="table" className={stackedTable.table}>
          <caption className="sr-only">{t("caption")}</caption>
          <thead role="rowgroup" className={stackedTable.head}>
            <tr role="row">
              <th role="columnheader" scope="col" className="px-4 py-3">
                {t("file")}
              </th>
              <th role="columnheader" scope="col" className="px-4 py-3">
                {t("started")}
              </th>
              <th role="columnheader" scope="col" className="px-4 py-3">
                {t("status")}
              </th>
              <th role="columnheader" scope="col" className="px-4 py-3">
                {t("rows")}
              </th>
              <th role="columnheader" scope="col" className="px-4 py-3">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup" className={stackedTable.body}>
            {imports.map((view) => (
              <ImportHistoryRow key={view.id} view={view} rate={rates[view.id] ?? null} context={context} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
