import type { SegmentFilter, SegmentLeaf } from "@/lib/metrics/segment";

import {
  type BuilderNode,
  type ConditionDraft,
  DEFAULT_DRAFT,
  type GroupNode,
  newCondition,
  newGroup,
  ROOT_ID,
} from "./builder-tree";

/** The inputs that show a condition of the language. */
function draftOf(leaf: SegmentLeaf): ConditionDraft {
  const draft: ConditionDraft = { ...DEFAULT_DRAFT, field: leaf.field, op: leaf.op };
  switch (leaf.field) {
    case "trait":
      draft.key = leaf.key;
      if ("value" in leaf)
        draft.text = Array.isArray(leaf.value) ? leaf.value.join(", ") : String(leaf.value);
      return draft;
    case "contacted":
    case "engaged":
    case "overContacted":
    case "hasStatedPreferences":
      return { ...draft, flag: leaf.value };
    case "frequencyBucket":
      return { ...draft, buckets: leaf.value as ConditionDraft["buckets"] };
    case "relevance":
      return { ...draft, min: String(leaf.value[0]), max: String(leaf.value[1]) };
    case "consent":
      return { ...draft, channel: leaf.channel, consent: leaf.value };
    default:
      return { ...draft, text: String(leaf.value) };
  }
}

function nodeOf(filter: SegmentFilter, negated = false): BuilderNode {
  if ("not" in filter) {
    // NOT NOT x: a negated group holding the negated x.
    if (negated) return { ...newGroup("and", [nodeOf(filter.not, true)]), negated: true };
    return nodeOf(filter.not, true);
  }
  if ("and" in filter || "or" in filter) {
    const op = "and" in filter ? "and" : "or";
    const children = "and" in filter ? filter.and : filter.or;
    return {
      ...newGroup(
        op,
        children.map((child) => nodeOf(child)),
      ),
      negated,
    };
  }
  return newCondition(draftOf(filter), negated);
}

/** A saved segment's filter as the builder's tree, under a root group. */
export function filterToTree(filter: SegmentFilter): GroupNode {
  const node = nodeOf(filter);
  if (node.kind === "group" && !node.negated) return { ...node, id: ROOT_ID };
  return { kind: "group", id: ROOT_ID, op: "and", negated: false, children: [node] };
}
