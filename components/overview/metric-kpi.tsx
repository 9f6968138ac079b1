"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { Skeleton } from "@/components/ui/skeleton";
import type { MetricResponse } from "@/lib/metrics/query";

/**
 * A KPI tile's loading and error states around its figure: a skeleton while the metric loads,
 * the server's message and a retry when it fails, else `children` with the result.
 */
export function MetricKpi<T>({
  label,
  query,
  children,
}: {
  label: string;
  query: UseQueryResult<MetricResponse<T>>;
  children: (data: MetricResponse<T>) => React.ReactNode;
}) {
  const t = useTranslations("chart");
  if (query.data) return children(query.data);
  if (query.isError) {
    return (
      <section
        role="alert"
        aria-label={label}
        className="rounded-xl border border-red-200 bg-red-50 p-5 text-sm text-red-900"
      >
        <h2 className="font-medium">{label}</h2>
        <p className="mt-2">{query.error.message}</p>
        <button
          type="button"
          onClick={() => void query.refetch()}
          className="mt-3 rounded-lg border border-red-300 bg-white px-3 py-1 text-xs font-medium hover:bg-red-100"
        >
          {t("retry")}
        </button>
      </section>
    );
  }
  return (
    <div role="status" aria-label={t("loading", { title: label })}>
      <Skeleton className="h-44" />
    </div>
  );
}
