import { z } from "zod";

import { jsonParam } from "@/lib/metrics/query";
import { segmentDefinition } from "@/lib/metrics/segment";

export const CUSTOMERS_PER_PAGE = 50;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * The Customers list's own URL state, next to the dashboard filters: `q` searches ids by
 * prefix, `page` counts from 1, `filter` is a drill-down in the segment language (JSON).
 */
export const customerListParams = z.object({
  q: z.preprocess(first, z.string().trim().max(128).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
  filter: z.preprocess(first, jsonParam(segmentDefinition).optional()),
});
export type CustomerListParams = z.infer<typeof customerListParams>;
