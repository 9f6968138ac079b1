import { describe, expect, test } from "vitest";

import { MAX_SEGMENT_DEPTH, segmentDefinition } from "@/lib/metrics/segment";

const messages = (input: unknown) => {
  const result = segmentDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe("the segment language", () => {
  test("accepts every kind of leaf, combined with and / or / not", () => {
    const segment = {
      and: [
        { field: "trait", key: "country", op: "in", value: ["DK", "SE"] },
        {
          or: [
            { field: "purchasesTotal", op: "gte", value: 2 },
            { field: "daysSinceLastPurchase", op: "lt", value: 30 },
          ],
        },
        { not: { field: "consent", channel: "email", op: "is", value: "optedOut" } },
        { field: "frequencyBucket", op: "in", value: ["3-5", "7+"] },
        { field: "relevance", op: "between", value: [0, 20] },
        { field: "statedTopic", op: "includes", value: "trail-running" },
        { field: "overContacted", op: "is", value: true },
      ],
    };
    expect(segmentDefinition.parse(segment)).toEqual(segment);
  });

  test("rejects an unknown field, a wrong operator and a wrong value type", () => {
    expect(messages({ field: "favouriteColour", op: "eq", value: "red" })).not.toEqual([]);
    expect(messages({ field: "purchasesTotal", op: "between", value: 2 })).not.toEqual([]);
    expect(messages({ field: "purchasesTotal", op: "gte", value: "2" })).not.toEqual([]);
    expect(messages({ field: "consent", channel: "fax", op: "is", value: "granted" })).not.toEqual([]);
  });

  test("rejects a trait name that is not a plain identifier (no JSON paths, no SQL)", () => {
    expect(messages({ field: "trait", key: "a'; DROP TABLE x; --", op: "exists" })).not.toEqual([]);
    expect(messages({ field: "trait", key: "a.b", op: "exists" })).not.toEqual([]);
  });

  test("rejects empty groups and extra keys on groups", () => {
    expect(messages({ and: [] })).not.toEqual([]);
    expect(messages({ and: [{ field: "contacted", op: "is", value: true }], or: [] })).not.toEqual([]);
  });

  test(`rejects nesting deeper than ${MAX_SEGMENT_DEPTH} levels with a clear reason`, () => {
    let deep: unknown = { field: "contacted", op: "is", value: true };
    for (let i = 0; i < MAX_SEGMENT_DEPTH; i++) deep = { not: deep };
    expect(messages(deep)).toContain(`nests deeper than ${MAX_SEGMENT_DEPTH} levels`);
  });

  test("rejects more than 100 conditions", () => {
    const leaf = { field: "contacted", op: "is", value: true };
    const wide = { or: [{ and: Array(60).fill(leaf) }, { and: Array(60).fill(leaf) }] };
    expect(messages(wide)).toContain("has more than 100 conditions");
  });
});
