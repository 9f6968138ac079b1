"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { DataTable } from "@/components/charts/common/data-table";
import type { TableColumn } from "@/components/charts/common/table-spec";
import { useCustomerHref } from "@/components/customers/use-customer-href";
import { Skeleton } from "@/components/ui/skeleton";

import { useDashboardQuery } from "./dashboard-query";
import { useCustomerList } from "./use-customer-list";

const PAGE_SIZE = 25;

/**
 * "Show the customers" under a tile: a disclosure that loads, page by page, the customers a
 * metric counts. Shown only to roles that may see customers.
 */
export interface CustomerListPanelProps<List, Row> {
  /** The metric whose `/customers` list is shown. */
  name: string;
  /** The button's words, e.g. "Show the 63 contacts". */
  label: string;
  extra?: Record<string, string | undefined>;
  rowsOf: (list: List) => { total: number; rows: Row[] };
  columns: TableColumn<Row>[];
  /** Open at once, e.g. when a chart's bar asked for the list. */
  defaultOpen?: boolean;
}

export function CustomerListPanel<List, Row>({
  name,
  label,
  extra,
  rowsOf,
  columns,
  defaultOpen = false,
}: CustomerListPanelProps<List, Row>) {
  const t = useTranslations("customers");
  const { canViewCustomers } = useDashboardQuery();
  const customerHref = useCustomerHref();
  const [open, setOpen] = useState(defaultOpen);
  const [offset, setOffset] = useState(0);
  const panelId = useId();
  const query = useCustomerList<List>(name, { limit: PAGE_SIZE, offset }, extra, open);
  if (!canViewCustomers) return null;
  const page = query.data ? rowsOf(query.data.result) : null;
  // A customer id opens the customer's page.
  const linked = columns.map((column) =>
    column.key === "customerId" && !column.href
      ? { ...column, href: (row: Row) => customerHref(String(column.value(row))) }
      : column,
  );
  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;
  return (
    <div className="mt-3 border-t border-slate-100 pt-3">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="text-sm font-medium text-brand underline-offset-2 hover:underline"
      >
        {open ? t("hideList") : label}
      </button>
      {open ? (
        <div id={panelId} className="mt-2" aria-busy={query.isFetching}>
          {query.isPending ? (
            <Skeleton className="h-32" />
          ) : query.isError ? (
            <p role="alert" className="text-sm text-red-800">
              {query.error.message}{" "}
              <button type="button" className="underline" onClick={() => void query.refetch()}>
                {t("retry")}
              </button>
            </p>
          ) : page ? (
            <>
              <DataTable table={{ rows: page.rows, columns: linked }} caption={label} />
              <div className="mt-2 flex items-center justify-between text-xs text-slate-600">
                <span>{t("page", { page: offset / PAGE_SIZE + 1, pages, total: page.total })}</span>
                <span className="flex gap-2">
                  <button
                    type="button"
                    disabled={offset === 0}
                    onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                    className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40"
                  >
                    {t("previous")}
                  </button>
                  <button
                    type="button"
                    disabled={offset + PAGE_SIZE >= page.total}
                    onClick={() => setOffset(offset + PAGE_SIZE)}
                    className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40"
                  >
                    {t("next")}
                  </button>
                </span>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
