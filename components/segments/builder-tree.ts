import type { ChannelName } from "@/lib/events/enums";
import type { FrequencyBucketId } from "@/lib/metrics/frequency-buckets";
import type { SegmentField } from "@/lib/metrics/segment";

export type ConsentState = "granted" | "optedOut" | "unknown";

/**
 * What a condition's inputs hold, as typed: text stays text until it is checked, so a half-typed
 * number is kept and reported rather than lost. Each field reads only the inputs it has.
 */
export interface ConditionDraft {
  field: SegmentField;
  op: string;
  /** A trait's name. */
  key: string;
  /** A trait's value (or comma-separated values), a number, or a topic. */
  text: string;
  flag: boolean;
  channel: ChannelName;
  consent: ConsentState;
  buckets: FrequencyBucketId[];
  /** The relevance range, 0–100. */
  min: string;
  max: string;
}

export interface ConditionNode {
  kind: "condition";
  id: string;
  negated: boolean;
  draft: ConditionDraft;
}

export interface GroupNode {
  kind: "group";
  id: string;
  /** All of (and) or any of (or) its children. */
  op: "and" | "or";
  negated: boolean;
  children: BuilderNode[];
}

export type BuilderNode = ConditionNode | GroupNode;

export const ROOT_ID = "root";

/** An empty builder: every customer. Fixed ids, so server and browser render the same. */
export const emptyTree = (): GroupNode => ({
  kind: "group",
  id: ROOT_ID,
  op: "and",
  negated: false,
  children: [],
});

const newId = () => `n${crypto.randomUUID()}`;

export const DEFAULT_DRAFT: ConditionDraft = {
  field: "trait",
  op: "eq",
  key: "",
  text: "",
  flag: true,
  channel: "email",
  consent: "granted",
  buckets: [],
  min: "",
  max: "",
};

export const newCondition = (draft: Partial<ConditionDraft> = {}, negated = false): ConditionNode => ({
  kind: "condition",
  id: newId(),
  negated,
  draft: { ...DEFAULT_DRAFT, ...draft },
});

export const newGroup = (op: "and" | "or" = "and", children: BuilderNode[] = []): GroupNode => ({
  kind: "group",
  id: newId(),
  op,
  negated: false,
  children,
});

/** The tree with `fn` applied to the node `id` (null removes it). */
export function mapNode(
  node: BuilderNode,
  id: string,
  fn: (node: BuilderNode) => BuilderNode | null,
): BuilderNode | null {
  if (node.id === id) return fn(node);
  if (node.kind === "condition") return node;
  const children = node.children.flatMap((child) => {
    const next = mapNode(child, id, fn);
    return next ? [next] : [];
  });
  return { ...node, children };
}

/** Applies `fn` to the root group (which is never removed). */
export function updateTree(
  root: GroupNode,
  id: string,
  fn: (node: BuilderNode) => BuilderNode | null,
): GroupNode {
  return (mapNode(root, id, fn) as GroupNode | null) ?? root;
}

/** Conditions in the tree. */
export function countConditions(node: BuilderNode): number {
  return node.kind === "condition"
    ? 1
    : node.children.reduce((sum, child) => sum + countConditions(child), 0);
}
