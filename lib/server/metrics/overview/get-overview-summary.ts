import "server-only";

import type { OverviewNumbers } from "@/lib/metrics/frequency";

import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  type MetricWindow,
  previousWindow,
} from "../common/metric-params";
import { getContactTotals } from "../frequency/get-contact-totals";
import { getContactsAfterOptOut } from "../frequency/get-contacts-after-opt-out";

export type { OverviewNumbers };

export interface OverviewSummaryParams extends MetricParams {
  /** The comparison window; default: the same length of time ending at `from`. */
  comparison?: MetricWindow;
}

export interface OverviewSummary {
  window: MetricWindow;
  /** As given, or the same length ending where `window` starts. */
  comparisonWindow: MetricWindow;
  current: OverviewNumbers;
  previous: OverviewNumbers;
}

/** The Overview numbers for the report window and for the comparison window, from one call. */
export async function getOverviewSummary(
  db: MetricsClient,
  params: OverviewSummaryParams,
): Promise<OverviewSummary> {
  const { comparison, ...windowParams } = params;
  assertMetricParams(windowParams);
  const { from, to } = comparison ?? previousWindow(windowParams);
  const comparisonParams = { ...windowParams, from, to };
  assertMetricParams(comparisonParams);
  const [current, previous] = await Promise.all([
    getOverviewNumbers(db, windowParams),
    getOverviewNumbers(db, comparisonParams),
  ]);
  return { window: { from: params.from, to: params.to }, comparisonWindow: { from, to }, current, previous };
}

/** The Overview numbers for one window. */
export async function getOverviewNumbers(db: MetricsClient, params: MetricParams): Promise<OverviewNumbers> {
  assertMetricParams(params);
  const [totals, optOut] = await Promise.all([
    getContactTotals(db, params),
    getContactsAfterOptOut(db, params),
  ]);
  const contactsAfterOptOut = { contacts: optOut.contacts, customers: optOut.customers };
  return { ...totals, contactsAfterOptOut };
}
