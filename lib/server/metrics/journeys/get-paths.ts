import "server-only";

import {
  DEFAULT_PATH_DEPTH,
  PATH_END,
  PATH_LABEL_SEPARATOR,
  type PathEvent,
  type PathLink,
  type PathNode,
  type PathsResult,
} from "@/lib/metrics/journeys";

import { rowsPerCustomerHalf } from "../common/customer-ranges";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { pathStepsSql } from "./path-steps";
import { groupTopLabels } from "./top-labels";

export interface PathsMetricParams extends MetricParams {
  anchor: "start" | "end";
  /** Start: default any event; end: required. */
  event?: PathEvent;
  /** Steps after the start or before the end; default 5. */
  depth?: number;
  /** Only events of these types take part; default all. */
  types?: readonly string[];
}

interface StepRow {
  step: bigint | number;
  type: string;
  channel: string | null;
  nextType: string | null;
  nextChannel: string | null;
  ended: boolean;
  customers: bigint;
}

const label = (type: string, channel: string | null) =>
  channel === null ? type : `${channel}${PATH_LABEL_SEPARATOR}${type}`;

/**
 * Paths (METRICS.md §3): each customer's labelled, collapsed events in the window from their
 * first start event on (or up to their first end event), aggregated into nodes per step and
 * links between consecutive steps; per step the 12 most frequent labels, the rest as `other`.
 */
export async function getPaths(db: MetricsClient, params: PathsMetricParams): Promise<PathsResult> {
  assertMetricParams(params);
  const depth = params.depth ?? DEFAULT_PATH_DEPTH;
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError("depth must be a positive integer");
  if (params.anchor === "end" && !params.event)
    throw new RangeError("an end-anchored path needs an end event");

  // Each customer's path is their own: the two halves of the customers run at once and their
  // counts are added.
  const rows = await rowsPerCustomerHalf<StepRow>(db, (customers) =>
    pathStepsSql(params, {
      anchor: params.anchor,
      event: params.event,
      depth,
      types: params.types,
      customers,
    }),
  );
  // Every customer has one row per step of their path, so sums over rows are customer counts.
  const nodes = new Map<string, PathNode>();
  const links: PathLink[] = [];
  const addNode = (step: number, name: string, customers: number) => {
    const node = nodes.get(`${step}\u0000${name}`) ?? { step, label: name, customers: 0 };
    node.customers += customers;
    nodes.set(`${step}\u0000${name}`, node);
  };
  for (const row of rows) {
    const step = Number(row.step);
    const customers = Number(row.customers);
    const source = label(row.type, row.channel);
    addNode(step, source, customers);
    const target = row.ended ? PATH_END : row.nextType === null ? null : label(row.nextType, row.nextChannel);
    if (target === null) continue;
    links.push({ step, source, target, customers });
    if (row.ended) addNode(step + 1, PATH_END, customers);
  }
  const anchorStep = params.anchor === "start" ? 1 : depth + 1;
  const customers = [...nodes.values()]
    .filter((node) => node.step === anchorStep)
    .reduce((sum, node) => sum + node.customers, 0);
  return { anchor: params.anchor, depth, customers, ...groupTopLabels([...nodes.values()], links) };
}
