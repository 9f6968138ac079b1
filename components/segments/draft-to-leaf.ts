import type { z } from "zod";

import type { SegmentLeaf } from "@/lib/metrics/segment";

import type { ConditionDraft } from "./builder-tree";
import {
  FLAG_FIELDS,
  LIST_TRAIT_OPERATORS,
  NUMERIC_TRAIT_OPERATORS,
  VALUELESS_TRAIT_OPERATORS,
} from "./segment-fields";
import type { SegmentSchemas } from "./segment-schemas";

/** The inputs of a condition that a problem can be shown next to. */
export type ConditionInput = "key" | "value" | "min" | "max";

/** A problem with one input: the schema's issue, or `required` for an empty value. */
export type InputIssue = z.core.$ZodIssue | { code: "required" };

export type ConditionIssues = Partial<Record<ConditionInput, InputIssue>>;

/** A typed number: decimal comma or point; empty is missing; anything else is left for the schema to refuse. */
function number(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : trimmed;
}

const list = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** The condition the draft describes, not yet checked. */
function candidate(draft: ConditionDraft): Record<string, unknown> {
  const { field, op } = draft;
  if (field === "trait") {
    const key = draft.key.trim();
    if (VALUELESS_TRAIT_OPERATORS.includes(op)) return { field, key, op };
    if (LIST_TRAIT_OPERATORS.includes(op)) return { field, key, op, value: list(draft.text) };
    if (NUMERIC_TRAIT_OPERATORS.includes(op)) return { field, key, op, value: number(draft.text) };
    return { field, key, op, value: draft.text.trim() };
  }
  if (FLAG_FIELDS.includes(field)) return { field, op, value: draft.flag };
  switch (field) {
    case "frequencyBucket":
      return { field, op, value: draft.buckets };
    case "relevance":
      return { field, op, value: [number(draft.min), number(draft.max)] };
    case "consent":
      return { field, channel: draft.channel, op, value: draft.consent };
    case "statedTopic":
      return { field, op, value: draft.text.trim() };
    default:
      return { field, op, value: number(draft.text) };
  }
}

function inputOf(draft: ConditionDraft, path: PropertyKey[]): ConditionInput {
  if (path[0] === "key") return "key";
  if (draft.field === "relevance" && path[0] === "value") return path[1] === 1 ? "max" : "min";
  return "value";
}

/**
 * Checks a condition with the segment language's own schema for its field: the condition, or
 * the first problem of each input.
 */
export function checkCondition(
  draft: ConditionDraft,
  leaves: SegmentSchemas["leaves"],
): { leaf: SegmentLeaf | null; issues: ConditionIssues } {
  const value = candidate(draft);
  const issues: ConditionIssues = {};
  // The language allows an empty trait value; in a form it is nearly always a value not yet typed.
  if (draft.field === "trait" && (draft.op === "eq" || draft.op === "neq") && value.value === "") {
    issues.value = { code: "required" };
  }
  const parsed = leaves[draft.field].safeParse(value);
  for (const issue of parsed.error?.issues ?? []) {
    const input = inputOf(draft, issue.path);
    issues[input] ??= issue;
  }
  const valid = parsed.success && Object.keys(issues).length === 0;
  return { leaf: valid ? (parsed.data as SegmentLeaf) : null, issues };
}
