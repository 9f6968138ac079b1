import { z } from "zod";

import { CHANNELS } from "@/lib/events/enums";
import { jsonDepth } from "@/lib/schemas/json-shape";

import { FREQUENCY_BUCKETS } from "./frequency-buckets";
import { MAX_SEGMENT_DEPTH, MAX_SEGMENT_LEAVES } from "./segment-limits";

/**
 * The segment language: a JSON filter over customers (docs/metrics.md, "Segments").
 * Leaves test one field of a customer; `and`, `or` and `not` combine them. Behaviour fields
 * (contacted, engaged, frequency bucket, over-contacted, relevance, purchases in the window)
 * are read in the report window; consent and stated preferences as in force at its end.
 */

const comparison = z.enum(["eq", "neq", "gt", "gte", "lt", "lte"]);
export type Comparison = z.infer<typeof comparison>;

const count = z.number().int().min(0).max(1_000_000);
const days = z.number().min(0).max(100_000);
const traitKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "a trait name: letters, digits and _, starting with a letter");
const scalar = z.union([z.string().max(256), z.number().finite(), z.boolean()]);
const topic = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a lower-case topic slug")
  .max(64);

const traitLeaf = z.discriminatedUnion("op", [
  z.object({ field: z.literal("trait"), key: traitKey, op: z.enum(["eq", "neq"]), value: scalar }),
  z.object({
    field: z.literal("trait"),
    key: traitKey,
    op: z.enum(["in", "notIn"]),
    value: z.array(scalar).min(1).max(500),
  }),
  z.object({
    field: z.literal("trait"),
    key: traitKey,
    op: z.enum(["gt", "gte", "lt", "lte"]),
    value: z.number().finite(),
  }),
  z.object({ field: z.literal("trait"), key: traitKey, op: z.enum(["exists", "missing"]) }),
]);

const purchasesLeaf = z.object({
  /** Purchases in the window, or in all time before the window's end. */
  field: z.enum(["purchasesInWindow", "purchasesTotal"]),
  op: comparison,
  value: count,
});

const recencyLeaf = z.object({
  /** Days from the customer's last purchase before the window's end to that end; never-buyers never match. */
  field: z.literal("daysSinceLastPurchase"),
  op: comparison,
  value: days,
});

const flagLeaf = z.object({
  /** contacted: ≥ 1 contact in the window; engaged: ≥ 1 engaged contact; overContacted: above the cap. */
  field: z.enum(["contacted", "engaged", "overContacted"]),
  op: z.literal("is"),
  value: z.boolean(),
});

const bucketLeaf = z.object({
  field: z.literal("frequencyBucket"),
  op: z.literal("in"),
  value: z.array(z.enum(FREQUENCY_BUCKETS.map((bucket) => bucket.id) as [string, ...string[]])).min(1),
});

const relevanceLeaf = z.object({
  /** Mean relevance of the customer's scored contacts in the window, within [min, max]. */
  field: z.literal("relevance"),
  op: z.literal("between"),
  value: z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]),
});

const consentLeaf = z.object({
  field: z.literal("consent"),
  channel: z.enum(CHANNELS),
  op: z.literal("is"),
  /** granted: the latest applicable event is a grant; optedOut: an opt-out; unknown: none. */
  value: z.enum(["granted", "optedOut", "unknown"]),
});

const preferenceLeaf = z.discriminatedUnion("field", [
  z.object({ field: z.literal("statedTopic"), op: z.literal("includes"), value: topic }),
  z.object({ field: z.literal("hasStatedPreferences"), op: z.literal("is"), value: z.boolean() }),
  z.object({ field: z.literal("statedMaxPerWeek"), op: comparison, value: z.number().positive().max(1000) }),
]);

export type SegmentLeaf =
  | z.infer<typeof traitLeaf>
  | z.infer<typeof purchasesLeaf>
  | z.infer<typeof recencyLeaf>
  | z.infer<typeof flagLeaf>
  | z.infer<typeof bucketLeaf>
  | z.infer<typeof relevanceLeaf>
  | z.infer<typeof consentLeaf>
  | z.infer<typeof preferenceLeaf>;

export type SegmentFilter =
  SegmentLeaf | { and: SegmentFilter[] } | { or: SegmentFilter[] } | { not: SegmentFilter };

/** A leaf's field: what one condition of a segment tests. */
export type SegmentField = SegmentLeaf["field"];

/** Each field's condition schema, so that a form can check one condition and name the input at fault. */
export const SEGMENT_LEAF_SCHEMAS = {
  trait: traitLeaf,
  purchasesInWindow: purchasesLeaf,
  purchasesTotal: purchasesLeaf,
  daysSinceLastPurchase: recencyLeaf,
  contacted: flagLeaf,
  engaged: flagLeaf,
  overContacted: flagLeaf,
  frequencyBucket: bucketLeaf,
  relevance: relevanceLeaf,
  consent: consentLeaf,
  statedTopic: preferenceLeaf,
  hasStatedPreferences: preferenceLeaf,
  statedMaxPerWeek: preferenceLeaf,
} satisfies Record<SegmentField, z.ZodType>;

const leaf = z.union([
  traitLeaf,
  purchasesLeaf,
  recencyLeaf,
  flagLeaf,
  bucketLeaf,
  relevanceLeaf,
  consentLeaf,
  preferenceLeaf,
]);

export { MAX_SEGMENT_DEPTH, MAX_SEGMENT_LEAVES };

export const segmentFilter: z.ZodType<SegmentFilter> = z.lazy(() =>
  z.union([
    leaf,
    // No .max here: inside the union it would only say "Invalid input"; segmentDefinition
    // counts the conditions and names the limit.
    z.object({ and: z.array(segmentFilter).min(1) }).strict(),
    z.object({ or: z.array(segmentFilter).min(1) }).strict(),
    z.object({ not: segmentFilter }).strict(),
  ]),
);

/**
 * A segment of MAX_SEGMENT_DEPTH levels nests JSON at most twice as deep (`{"and": [...]}`
 * is two); anything deeper is refused before the recursive schema walks it, so that no input
 * can exhaust the stack.
 */
const MAX_SEGMENT_JSON_DEPTH = 2 * MAX_SEGMENT_DEPTH;
const boundedJson = z
  .unknown()
  .refine((value) => jsonDepth(value, MAX_SEGMENT_JSON_DEPTH) <= MAX_SEGMENT_JSON_DEPTH, {
    message: `nests deeper than ${MAX_SEGMENT_DEPTH} levels`,
    abort: true,
  });

/** A segment filter, also bounded in depth and size so that no filter can make a huge query. */
export const segmentDefinition = boundedJson.pipe(segmentFilter).superRefine((filter, context) => {
  const { depth, leaves } = measure(filter);
  if (depth > MAX_SEGMENT_DEPTH) {
    context.addIssue({ code: "custom", message: `nests deeper than ${MAX_SEGMENT_DEPTH} levels` });
  }
  if (leaves > MAX_SEGMENT_LEAVES) {
    context.addIssue({ code: "custom", message: `has more than ${MAX_SEGMENT_LEAVES} conditions` });
  }
});

function measure(filter: SegmentFilter): { depth: number; leaves: number } {
  const children =
    "and" in filter ? filter.and : "or" in filter ? filter.or : "not" in filter ? [filter.not] : null;
  if (!children) return { depth: 1, leaves: 1 };
  const measured = children.map(measure);
  return {
    depth: 1 + Math.max(...measured.map((m) => m.depth)),
    leaves: measured.reduce((sum, m) => sum + m.leaves, 0),
  };
}
