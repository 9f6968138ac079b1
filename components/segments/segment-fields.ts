import type { SegmentField } from "@/lib/metrics/segment";

import type { ConditionDraft } from "./builder-tree";

const COMPARISONS = ["eq", "neq", "gt", "gte", "lt", "lte"] as const;

/** Every field of the segment language, grouped as the field picker shows them. */
export const FIELD_GROUPS: {
  id: "customer" | "purchases" | "contacts" | "consent";
  fields: SegmentField[];
}[] = [
  { id: "customer", fields: ["trait"] },
  { id: "purchases", fields: ["purchasesInWindow", "purchasesTotal", "daysSinceLastPurchase"] },
  { id: "contacts", fields: ["contacted", "engaged", "overContacted", "frequencyBucket", "relevance"] },
  { id: "consent", fields: ["consent", "statedTopic", "hasStatedPreferences", "statedMaxPerWeek"] },
];

/** The operators each field takes (lib/metrics/segment.ts), the first being the default. */
export const FIELD_OPERATORS: Record<SegmentField, readonly string[]> = {
  trait: ["eq", "neq", "in", "notIn", "gt", "gte", "lt", "lte", "exists", "missing"],
  purchasesInWindow: ["gte", "eq", "neq", "gt", "lt", "lte"],
  purchasesTotal: ["gte", "eq", "neq", "gt", "lt", "lte"],
  daysSinceLastPurchase: ["gt", "gte", "lt", "lte", "eq", "neq"],
  contacted: ["is"],
  engaged: ["is"],
  overContacted: ["is"],
  frequencyBucket: ["in"],
  relevance: ["between"],
  consent: ["is"],
  statedTopic: ["includes"],
  hasStatedPreferences: ["is"],
  statedMaxPerWeek: COMPARISONS,
};

/** Fields whose value is yes or no. */
export const FLAG_FIELDS: readonly SegmentField[] = [
  "contacted",
  "engaged",
  "overContacted",
  "hasStatedPreferences",
];

/** Fields whose value is one number typed in. */
export const NUMBER_FIELDS: readonly SegmentField[] = [
  "purchasesInWindow",
  "purchasesTotal",
  "daysSinceLastPurchase",
  "statedMaxPerWeek",
];

/** Trait operators that take a number, a list, or no value at all. */
export const NUMERIC_TRAIT_OPERATORS = ["gt", "gte", "lt", "lte"];
export const LIST_TRAIT_OPERATORS = ["in", "notIn"];
export const VALUELESS_TRAIT_OPERATORS = ["exists", "missing"];

/**
 * The draft after the field changes: the field's operator kept if it has it, else its default;
 * a typed number kept between number fields, any other typed value cleared.
 */
export function withField(draft: ConditionDraft, field: SegmentField): ConditionDraft {
  const operators = FIELD_OPERATORS[field];
  const op = operators.includes(draft.op) ? draft.op : operators[0];
  const keepText = NUMBER_FIELDS.includes(draft.field) && NUMBER_FIELDS.includes(field);
  return { ...draft, field, op, text: keepText ? draft.text : "" };
}
