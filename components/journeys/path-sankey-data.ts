import { PATH_END, PATH_OTHER } from "@/lib/metrics/journey-limits";
import type { PathsResult } from "@/lib/metrics/journeys";

/**
 * The label of the steps before an end-anchored path's first event in the window: a path
 * shorter than the depth is padded with it on the left, so every step stays in its column.
 */
export const PATH_START = "(start)";
/** Labels per step drawn in the Sankey; the rest join `other` so that every label stays readable. */
export const SANKEY_LABELS_PER_STEP = 5;

export interface PathSankeyNode {
  /** Unique per node: the step and the label. */
  name: string;
  step: number;
  label: string;
  customers: number;
}

export interface PathSankeyLink {
  source: number;
  target: number;
  /** Customers going from the source (at `step`) to the target (at `step + 1`). */
  value: number;
  step: number;
  sourceLabel: string;
  targetLabel: string;
}

export interface PathSankey {
  nodes: PathSankeyNode[];
  links: PathSankeyLink[];
}

const SPECIAL = [PATH_START, PATH_OTHER, PATH_END];
const key = (...parts: (string | number)[]) => parts.join("\u0000");
/** Ordinary labels by customers, then the catch-alls: (start) first, other and (end) last. */
const rank = (label: string) => ({ [PATH_START]: -1, [PATH_OTHER]: 1, [PATH_END]: 2 })[label] ?? 0;

/**
 * The Sankey of a paths result: per step the `labelsPerStep` labels with the most customers,
 * the rest grouped as `other` (each customer has one label per step, so sums stay customer
 * counts), and for end-anchored paths the `(start)` padding before short paths.
 */
export function toPathSankey(result: PathsResult, labelsPerStep = SANKEY_LABELS_PER_STEP): PathSankey {
  const kept = new Map<number, Set<string>>();
  for (const step of new Set(result.nodes.map((node) => node.step))) {
    const ranked = result.nodes
      .filter((node) => node.step === step && !SPECIAL.includes(node.label))
      .sort((a, b) => b.customers - a.customers || (a.label < b.label ? -1 : 1));
    kept.set(step, new Set([PATH_END, ...ranked.slice(0, labelsPerStep).map((node) => node.label)]));
  }
  const grouped = (step: number, label: string) => (kept.get(step)?.has(label) ? label : PATH_OTHER);

  const nodes = new Map<string, PathSankeyNode>();
  const addNode = (step: number, label: string, customers: number) => {
    const node = nodes.get(key(step, label)) ?? { name: key(step, label), step, label, customers: 0 };
    node.customers += customers;
    nodes.set(node.name, node);
  };
  const links = new Map<string, Omit<PathSankeyLink, "source" | "target">>();
  const addLink = (step: number, sourceLabel: string, targetLabel: string, value: number) => {
    const id = key(step, sourceLabel, targetLabel);
    const link = links.get(id) ?? { step, sourceLabel, targetLabel, value: 0 };
    link.value += value;
    links.set(id, link);
  };
  for (const node of result.nodes) addNode(node.step, grouped(node.step, node.label), node.customers);
  for (const link of result.links) {
    addLink(link.step, grouped(link.step, link.source), grouped(link.step + 1, link.target), link.customers);
  }
  if (result.anchor === "end") padShortPaths(nodes, links, addNode, addLink);

  const ordered = [...nodes.values()].sort(
    (a, b) =>
      a.step - b.step ||
      rank(a.label) - rank(b.label) ||
      b.customers - a.customers ||
      (a.label < b.label ? -1 : 1),
  );
  const index = new Map(ordered.map((node, i) => [node.name, i]));
  return {
    nodes: ordered,
    links: [...links.values()]
      .map((link) => ({
        ...link,
        source: index.get(key(link.step, link.sourceLabel)) ?? -1,
        target: index.get(key(link.step + 1, link.targetLabel)) ?? -1,
      }))
      .filter((link) => link.source >= 0 && link.target >= 0)
      .sort((a, b) => a.step - b.step || b.value - a.value || a.source - b.source || a.target - b.target),
  };
}

/** Customers whose end-anchored path starts after step 1 reach their first step from `(start)`. */
function padShortPaths(
  nodes: Map<string, PathSankeyNode>,
  links: Map<string, { step: number; targetLabel: string; value: number }>,
  addNode: (step: number, label: string, customers: number) => void,
  addLink: (step: number, source: string, target: string, value: number) => void,
) {
  const inflow = new Map<string, number>();
  for (const link of links.values()) {
    const id = key(link.step + 1, link.targetLabel);
    inflow.set(id, (inflow.get(id) ?? 0) + link.value);
  }
  for (const node of [...nodes.values()]) {
    const starting = node.customers - (inflow.get(node.name) ?? 0);
    if (node.step <= 1 || starting <= 0) continue;
    for (let step = 1; step < node.step; step++) addNode(step, PATH_START, starting);
    for (let step = 1; step < node.step - 1; step++) addLink(step, PATH_START, PATH_START, starting);
    addLink(node.step - 1, PATH_START, node.label, starting);
  }
}
