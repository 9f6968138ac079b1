import "server-only";

import { METRIC_CATALOGUE, type MetricName } from "@/lib/metrics/catalogue";

import { getOverviewSummary } from "../overview/get-overview-summary";

import { defineMetric, type MetricDefinition } from "./metric-definition";

const C = METRIC_CATALOGUE;

/** Every metric of the read API with the function computing it; one entry per catalogue name. */
export const METRICS: Record<MetricName, MetricDefinition> = {
  overview: defineMetric("overview", C.overview, (db, params) =>
    getOverviewSummary(db, params).then((summary) => summary.current),
  ),
};

export function findMetric(name: string): MetricDefinition | null {
  return Object.hasOwn(METRICS, name) ? METRICS[name as MetricName] : null;
}
