import { describe, expect, test } from "vitest";

import { PATH_START, toPathSankey } from "@/components/journeys/path-sankey-data";
import { PATH_END, PATH_OTHER, type PathsResult } from "@/lib/metrics/journeys";

const links = (sankey: ReturnType<typeof toPathSankey>) =>
  sankey.links.map((link) => `${link.step}: ${link.sourceLabel} -> ${link.targetLabel} = ${link.value}`);

describe("toPathSankey", () => {
  // Start-anchored, 10 customers: 6 start with a, 3 with b, 1 with c. At step 2, 5 of a's go on
  // to b and 1 ends; b's 3 go to a; c's 1 goes to b.
  const start: PathsResult = {
    anchor: "start",
    depth: 1,
    customers: 10,
    nodes: [
      { step: 1, label: "a", customers: 6 },
      { step: 1, label: "b", customers: 3 },
      { step: 1, label: "c", customers: 1 },
      { step: 2, label: "b", customers: 6 },
      { step: 2, label: "a", customers: 3 },
      { step: 2, label: PATH_END, customers: 1 },
    ],
    links: [
      { step: 1, source: "a", target: "b", customers: 5 },
      { step: 1, source: "a", target: PATH_END, customers: 1 },
      { step: 1, source: "b", target: "a", customers: 3 },
      { step: 1, source: "c", target: "b", customers: 1 },
    ],
  };

  test("keeps every label when there are few, with (end) after the ordinary labels", () => {
    const sankey = toPathSankey(start);
    expect(sankey.nodes.map((node) => `${node.step} ${node.label} ${node.customers}`)).toEqual([
      "1 a 6",
      "1 b 3",
      "1 c 1",
      "2 b 6",
      "2 a 3",
      `2 ${PATH_END} 1`,
    ]);
    expect(links(sankey)).toEqual(["1: a -> b = 5", "1: b -> a = 3", "1: a -> (end) = 1", "1: c -> b = 1"]);
  });

  test("groups the labels past the limit as other, summing their customers and links", () => {
    // With one label per step: step 1 keeps a (6), b and c join other (4); step 2 keeps b (6),
    // a joins other (3), (end) is always kept. c -> b (1) joins b -> a's source: other -> b.
    const sankey = toPathSankey(start, 1);
    expect(sankey.nodes.map((node) => `${node.step} ${node.label} ${node.customers}`)).toEqual([
      "1 a 6",
      `1 ${PATH_OTHER} 4`,
      "2 b 6",
      `2 ${PATH_OTHER} 3`,
      `2 ${PATH_END} 1`,
    ]);
    expect(links(sankey)).toEqual([
      "1: a -> b = 5",
      "1: other -> other = 3",
      "1: a -> (end) = 1",
      "1: other -> b = 1",
    ]);
  });

  test("pads end-anchored paths shorter than the depth with (start) so each step keeps its column", () => {
    // Ending in u at step 3 (depth 2), 4 customers: 2 have x, y, u; 1 has y, u (starts at 2);
    // 1 has only u (starts at 3).
    const sankey = toPathSankey({
      anchor: "end",
      depth: 2,
      customers: 4,
      nodes: [
        { step: 1, label: "x", customers: 2 },
        { step: 2, label: "y", customers: 3 },
        { step: 3, label: "u", customers: 4 },
      ],
      links: [
        { step: 1, source: "x", target: "y", customers: 2 },
        { step: 2, source: "y", target: "u", customers: 3 },
      ],
    });
    expect(sankey.nodes.map((node) => `${node.step} ${node.label} ${node.customers}`)).toEqual([
      `1 ${PATH_START} 2`,
      "1 x 2",
      `2 ${PATH_START} 1`,
      "2 y 3",
      "3 u 4",
    ]);
    expect(links(sankey)).toEqual([
      "1: x -> y = 2",
      "1: (start) -> (start) = 1",
      "1: (start) -> y = 1",
      "2: y -> u = 3",
      "2: (start) -> u = 1",
    ]);
  });
});
