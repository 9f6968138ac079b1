import "server-only";

import type { z } from "zod";

import type { MetricDescriptor } from "@/lib/metrics/catalogue";

import type { MetricParams, MetricsClient } from "../common/metric-params";

/** A metric of the read API: its descriptor (lib/metrics/catalogue.ts) and the function computing it. */
export interface MetricDefinition<
  Params extends z.ZodRawShape = z.ZodRawShape,
  Result = unknown,
> extends MetricDescriptor<Params> {
  name: string;
  run(db: MetricsClient, params: MetricParams, extra: z.infer<z.ZodObject<Params>>): Promise<Result>;
}

/** Pairs a descriptor with its function, the parameter types inferred from the descriptor. */
export function defineMetric<Params extends z.ZodRawShape, Result>(
  name: string,
  descriptor: MetricDescriptor<Params>,
  run: MetricDefinition<Params, Result>["run"],
): MetricDefinition<Params, Result> {
  return { name, ...descriptor, run };
}
