"use client";

import { useCallback, useMemo, useState } from "react";

import type { SegmentFilter } from "@/lib/metrics/segment";

import { type BuilderNode, emptyTree, type GroupNode, updateTree } from "./builder-tree";
import { filterToTree } from "./filter-to-tree";
import type { TreeEditing } from "./group-editor";
import { useSegmentSchemas } from "./segment-schemas";
import { checkTree } from "./tree-to-filter";
import { useDebouncedValue } from "./use-debounced-value";

/** How long the builder waits after the last change before it asks for a new count. */
const COUNT_DELAY_MS = 400;

/**
 * The builder's state: the tree, its check, which problems to show, and the last valid segment
 * as JSON, debounced ("" for the empty builder, i.e. every customer).
 */
export function useSegmentBuilder(topicsListId: string) {
  const [tree, setTree] = useState<GroupNode>(emptyTree);
  const [touched, setTouched] = useState<ReadonlySet<string> | "all">(() => new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const schemas = useSegmentSchemas();
  const check = useMemo(() => checkTree(tree, schemas), [tree, schemas]);

  // While a condition is half-typed (or not yet checked), the count stays with the last valid segment.
  const [lastValid, setLastValid] = useState("");
  const json = check.valid ? (check.filter ? JSON.stringify(check.filter) : "") : null;
  if (json !== null && json !== lastValid) setLastValid(json);
  const segmentJson = useDebouncedValue(lastValid, COUNT_DELAY_MS);

  const update = useCallback(
    (id: string, fn: (node: BuilderNode) => BuilderNode | null) =>
      setTree((root) => updateTree(root, id, fn)),
    [],
  );
  const add = useCallback((groupId: string, node: BuilderNode) => {
    setTree((root) =>
      updateTree(root, groupId, (group) =>
        group.kind === "group" ? { ...group, children: [...group.children, node] } : group,
      ),
    );
    setFocusId(node.id);
  }, []);
  const touch = useCallback(
    (id: string) => setTouched((seen) => (seen === "all" || seen.has(id) ? seen : new Set(seen).add(id))),
    [],
  );
  const load = useCallback((filter: SegmentFilter | null) => {
    setTree(filter ? filterToTree(filter) : emptyTree());
    setTouched(new Set());
    setFocusId(null);
  }, []);

  const editing: TreeEditing = { check, touched, focusId, topicsListId, update, add, touch };
  return {
    tree,
    check,
    editing,
    /** The segment the count is for, once typing has paused: "" for every customer. */
    segmentJson,
    /** The builder changed since the count was asked for; it follows once typing pauses. */
    countPending: lastValid !== segmentJson,
    load,
    showAllIssues: useCallback(() => setTouched("all"), []),
  };
}
