"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { commonMetricParams } from "@/lib/metrics/dashboard-query";
import { metricKeys } from "@/lib/metrics/metric-query-keys";
import type { MetricResponse } from "@/lib/metrics/query";


import { useDashboardQuery } from "./dashboard-query";
import { fetchCustomerList } from "./fetch-metric";

/** One page of the customers behind a metric, for the dashboard's filters; fetched only when enabled. */
export function useCustomerList<T>(
  name: string,
  page: { limit: number; offset: number },
  extra: Record<string, string | undefined> = {},
  enabled = true,
) {
  const query = useDashboardQuery();
  const params: Record<string, string> = {
    ...commonMetricParams(query),
    limit: String(page.limit),
    offset: String(page.offset),
  };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params[key] = value;
  return useQuery<MetricResponse<T>>({
    queryKey: metricKeys.customers(query.workspace, name, params),
    queryFn: ({ signal }) => fetchCustomerList<T>(query.workspace, name, params, signal),
    placeholderData: keepPreviousData,
    enabled: enabled && query.canViewCustomers,
  });
}
