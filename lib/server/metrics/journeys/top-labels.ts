import "server-only";

import {
  PATH_END,
  PATH_LABELS_PER_STEP,
  PATH_OTHER,
  type PathLink,
  type PathNode,
} from "@/lib/metrics/journeys";

/**
 * Keeps the 12 labels of each step with the most customers (ties: label in code-point order)
 * and groups the rest as `other`; `(end)` is always kept and does not take one of the 12
 * places. Links are re-added under the grouped labels; each customer has one label per step,
 * so the sums are customer counts. Nodes come ordered by step, then customers descending.
 */
export function groupTopLabels(
  nodes: readonly PathNode[],
  links: readonly PathLink[],
): { nodes: PathNode[]; links: PathLink[] } {
  const kept = new Map<number, Set<string>>();
  const steps = [...new Set(nodes.map((node) => node.step))].sort((a, b) => a - b);
  for (const step of steps) {
    const ranked = nodes
      .filter((node) => node.step === step && node.label !== PATH_END)
      .sort((a, b) => b.customers - a.customers || compareLabels(a.label, b.label));
    kept.set(step, new Set([PATH_END, ...ranked.slice(0, PATH_LABELS_PER_STEP).map((node) => node.label)]));
  }
  const grouped = (step: number, label: string) => (kept.get(step)?.has(label) ? label : PATH_OTHER);

  const nodeTotals = new Map<string, PathNode>();
  for (const node of nodes) {
    const label = grouped(node.step, node.label);
    const id = `${node.step}\u0000${label}`;
    const total = nodeTotals.get(id) ?? { step: node.step, label, customers: 0 };
    total.customers += node.customers;
    nodeTotals.set(id, total);
  }
  const linkTotals = new Map<string, PathLink>();
  for (const link of links) {
    const source = grouped(link.step, link.source);
    const target = grouped(link.step + 1, link.target);
    const id = `${link.step}\u0000${source}\u0000${target}`;
    const total = linkTotals.get(id) ?? { step: link.step, source, target, customers: 0 };
    total.customers += link.customers;
    linkTotals.set(id, total);
  }
  return {
    nodes: [...nodeTotals.values()].sort(
      (a, b) => a.step - b.step || b.customers - a.customers || compareLabels(a.label, b.label),
    ),
    links: [...linkTotals.values()].sort(
      (a, b) =>
        a.step - b.step ||
        b.customers - a.customers ||
        compareLabels(a.source, b.source) ||
        compareLabels(a.target, b.target),
    ),
  };
}

function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
