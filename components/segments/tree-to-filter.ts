import type { SegmentFilter } from "@/lib/metrics/segment";
import { MAX_SEGMENT_DEPTH, MAX_SEGMENT_LEAVES } from "@/lib/metrics/segment-limits";

import type { BuilderNode, GroupNode } from "./builder-tree";
import { checkCondition, type ConditionIssues } from "./draft-to-leaf";
import type { SegmentSchemas } from "./segment-schemas";

export interface TreeCheck {
  /**
   * The segment, when every condition is valid; null for an empty builder (every customer).
   * Until the schemas arrive (schemas null), conditions are not checked and not valid.
   */
  filter: SegmentFilter | null;
  valid: boolean;
  /** Problems per condition id. */
  conditions: Map<string, ConditionIssues>;
  /** Ids of groups without a condition. */
  emptyGroups: Set<string>;
  /** The whole segment is too deep or too large (lib/metrics/segment.ts). */
  tooDeep: boolean;
  tooLarge: boolean;
}

/** Nesting depth and conditions of a filter, counted as the language limits them. */
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

/**
 * The builder's tree as a segment filter, with every problem found on the way. The root group
 * with a single condition is written as that condition alone.
 */
export function checkTree(root: GroupNode, schemas: SegmentSchemas | null): TreeCheck {
  const conditions = new Map<string, ConditionIssues>();
  const emptyGroups = new Set<string>();

  function visit(node: BuilderNode): SegmentFilter | null {
    if (node.kind === "condition") {
      if (!schemas) return null;
      const { leaf, issues } = checkCondition(node.draft, schemas.leaves);
      if (Object.keys(issues).length > 0) conditions.set(node.id, issues);
      return leaf && (node.negated ? { not: leaf } : leaf);
    }
    if (node.children.length === 0) emptyGroups.add(node.id);
    const children = node.children.map(visit);
    if (node.children.length === 0 || children.some((child) => child === null)) return null;
    const group = (node.op === "and" ? { and: children } : { or: children }) as SegmentFilter;
    return node.negated ? { not: group } : group;
  }

  if (root.children.length === 0 && !root.negated) {
    return {
      filter: null,
      valid: true,
      conditions,
      emptyGroups,
      tooDeep: false,
      tooLarge: false,
    };
  }
  const only = root.children.length === 1 && !root.negated ? root.children[0] : null;
  const filter = only ? visit(only) : visit(root);
  const size = filter ? measure(filter) : null;
  const tooDeep = (size?.depth ?? 0) > MAX_SEGMENT_DEPTH;
  const tooLarge = (size?.leaves ?? 0) > MAX_SEGMENT_LEAVES;
  const valid = filter !== null && schemas !== null && schemas.definition.safeParse(filter).success;
  return {
    filter: valid ? filter : null,
    valid,
    conditions,
    emptyGroups,
    tooDeep,
    tooLarge,
  };
}
