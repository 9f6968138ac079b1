"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { useDashboardQuery } from "@/components/metrics/dashboard-query";
import { fetchApiJson } from "@/components/metrics/fetch-metric";
import type { ConsentRates } from "@/lib/consent/consent-views";
import { metricKeys } from "@/lib/metrics/metric-query-keys";
import type { MetricResponse } from "@/lib/metrics/query";

/** Consent rates per channel and week for the page's date range (GET …/consent/rates). */
export function useConsentRates() {
  const { workspace, from, to } = useDashboardQuery();
  const params = { from, to };
  return useQuery<MetricResponse<ConsentRates>>({
    queryKey: metricKeys.metric(workspace, "consent-rates", params),
    queryFn: ({ signal }) =>
      fetchApiJson(
        `/api/workspaces/${encodeURIComponent(workspace)}/consent/rates?${new URLSearchParams(params)}`,
        signal,
      ),
    placeholderData: keepPreviousData,
    retry: (failures, error) => failures < 2 && !("status" in error && Number(error.status) < 500),
  });
}
