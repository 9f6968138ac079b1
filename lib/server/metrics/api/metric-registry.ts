import "server-only";

import {
  CUSTOMER_LIST_CATALOGUE,
  type CustomerListName,
  DEFAULT_FUNNEL,
  METRIC_CATALOGUE,
  type MetricName,
} from "@/lib/metrics/catalogue";
import { AppError } from "@/lib/server/errors";

import type { MetricParams } from "../common/metric-params";
import { getContactPressureHeatmap } from "../frequency/get-contact-pressure-heatmap";
import { getContactsAfterOptOut } from "../frequency/get-contacts-after-opt-out";
import { getFrequencyDistribution } from "../frequency/get-frequency-distribution";
import { getOverContacted } from "../frequency/get-over-contacted";
import { getSaturationCurve } from "../frequency/get-saturation-curve";
import { getSilentCustomers } from "../frequency/get-silent-customers";
import { listContactsAfterOptOut } from "../frequency/list-contacts-after-opt-out";
import { listSilentCustomers } from "../frequency/list-silent-customers";
import { getFunnel } from "../journeys/get-funnel";
import { getLifecycleChecks } from "../journeys/get-lifecycle-checks";
import { getPaths } from "../journeys/get-paths";
import { listFunnelCustomers } from "../journeys/list-funnel-customers";
import { listNotLetGo } from "../journeys/list-not-let-go";
import { listNotWelcomed } from "../journeys/list-not-welcomed";
import { getCohorts } from "../loyalty/get-cohorts";
import { getLoyaltyByPressure } from "../loyalty/get-loyalty-by-pressure";
import { getLoyaltySummary } from "../loyalty/get-loyalty-summary";
import { getLoyaltyTrend } from "../loyalty/get-loyalty-trend";
import { getOverviewNumbers } from "../overview/get-overview-summary";
import { getAudienceCheck } from "../relevance/get-audience-check";
import { getRelevanceByCampaign } from "../relevance/get-relevance-by-campaign";
import { getRelevanceByTopic } from "../relevance/get-relevance-by-topic";
import { getRelevanceCalibration } from "../relevance/get-relevance-calibration";
import { getRelevanceDistribution } from "../relevance/get-relevance-distribution";
import { getRelevanceSummary } from "../relevance/get-relevance-summary";
import { getSendVsWant } from "../relevance/get-send-vs-want";
import { getStatedVsActual } from "../relevance/get-stated-vs-actual";
import { listRelevanceBandCustomers } from "../relevance/list-relevance-band-customers";
import { listStatedVsActualCustomers } from "../relevance/list-stated-vs-actual-customers";
import { getSegmentSize } from "../segments/get-segment-size";

import { defineMetric, type MetricDefinition } from "./metric-definition";

const C = METRIC_CATALOGUE;
const L = CUSTOMER_LIST_CATALOGUE;

/** The frequency cap asked for, else the workspace's. */
const withCap = (params: MetricParams, cap: number | undefined): MetricParams =>
  cap === undefined ? params : { ...params, frequencyCap: cap };

/** Every metric of the read API with the function computing it; one entry per catalogue name. */
export const METRICS: Record<MetricName, MetricDefinition> = {
  // The comparison window, when asked for, comes from `compare` like every metric's.
  overview: defineMetric("overview", C.overview, getOverviewNumbers),
  frequency: defineMetric("frequency", C.frequency, getFrequencyDistribution),
  saturation: defineMetric("saturation", C.saturation, getSaturationCurve),
  "over-contacted": defineMetric("over-contacted", C["over-contacted"], (db, params, { frequencyCap }) =>
    getOverContacted(db, withCap(params, frequencyCap)),
  ),
  silent: defineMetric("silent", C.silent, getSilentCustomers),
  heatmap: defineMetric("heatmap", C.heatmap, getContactPressureHeatmap),
  optout: defineMetric("optout", C.optout, getContactsAfterOptOut),
  relevance: defineMetric("relevance", C.relevance, getRelevanceSummary),
  "relevance-campaigns": defineMetric(
    "relevance-campaigns",
    C["relevance-campaigns"],
    getRelevanceByCampaign,
  ),
  "relevance-topics": defineMetric("relevance-topics", C["relevance-topics"], getRelevanceByTopic),
  "relevance-distribution": defineMetric(
    "relevance-distribution",
    C["relevance-distribution"],
    getRelevanceDistribution,
  ),
  "relevance-calibration": defineMetric(
    "relevance-calibration",
    C["relevance-calibration"],
    getRelevanceCalibration,
  ),
  gap: defineMetric("gap", C.gap, getSendVsWant),
  "stated-vs-actual": defineMetric("stated-vs-actual", C["stated-vs-actual"], getStatedVsActual),
  audience: defineMetric("audience", C.audience, (db, params, { trait }) =>
    getAudienceCheck(db, params, trait),
  ),
  funnel: defineMetric("funnel", C.funnel, (db, params, { steps, conversionWindowDays }) =>
    getFunnel(db, { ...params, steps: steps ?? [...DEFAULT_FUNNEL], conversionWindowDays }),
  ),
  paths: defineMetric("paths", C.paths, (db, params, { anchor, event, depth, types }) => {
    if (anchor === "end" && !event) {
      throw new AppError("invalid_input", "event: an end-anchored path needs an end event");
    }
    return getPaths(db, { ...params, anchor, event, depth, types });
  }),
  lifecycle: defineMetric("lifecycle", C.lifecycle, getLifecycleChecks),
  loyalty: defineMetric("loyalty", C.loyalty, (db, params, { frequencyCap }) =>
    getLoyaltySummary(db, withCap(params, frequencyCap)),
  ),
  "loyalty-trend": defineMetric("loyalty-trend", C["loyalty-trend"], (db, params, { frequencyCap }) =>
    getLoyaltyTrend(db, withCap(params, frequencyCap)),
  ),
  "loyalty-pressure": defineMetric("loyalty-pressure", C["loyalty-pressure"], getLoyaltyByPressure),
  cohorts: defineMetric("cohorts", C.cohorts, getCohorts),
  "segment-size": defineMetric("segment-size", C["segment-size"], getSegmentSize),
};

/** The customer-level list behind some metrics (`GET /api/v1/metrics/<name>/customers`). */
export const CUSTOMER_LISTS: Record<CustomerListName, MetricDefinition> = {
  funnel: defineMetric("funnel", L.funnel, (db, params, { steps, conversionWindowDays, step, ...paging }) =>
    listFunnelCustomers(db, {
      ...params,
      ...paging,
      steps: steps ?? [...DEFAULT_FUNNEL],
      conversionWindowDays,
      step,
    }),
  ),
  optout: defineMetric("optout", L.optout, (db, params, paging) =>
    listContactsAfterOptOut(db, { ...params, ...paging }),
  ),
  relevance: defineMetric("relevance", L.relevance, (db, params, { band, ...paging }) =>
    listRelevanceBandCustomers(db, { ...params, ...paging, band }),
  ),
  silent: defineMetric("silent", L.silent, (db, params, paging) =>
    listSilentCustomers(db, { ...params, ...paging }),
  ),
  "stated-vs-actual": defineMetric("stated-vs-actual", L["stated-vs-actual"], (db, params, paging) =>
    listStatedVsActualCustomers(db, { ...params, ...paging }),
  ),
  lifecycle: defineMetric("lifecycle", L.lifecycle, (db, params, { check, ...paging }): Promise<unknown> =>
    check === "not-welcomed"
      ? listNotWelcomed(db, { ...params, ...paging })
      : listNotLetGo(db, { ...params, ...paging }),
  ),
};
