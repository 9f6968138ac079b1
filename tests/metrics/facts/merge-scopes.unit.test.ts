import { describe, expect, test } from "vitest";

import { mergeScopes } from "@/lib/server/metrics/facts/contact-fact-refresher";

const MARCH = new Date("2026-03-01T00:00:00Z");
const APRIL = new Date("2026-04-01T00:00:00Z");

describe("mergeScopes", () => {
  test("customers of both, each once, in the order first seen; the earlier start", () => {
    const merged = mergeScopes(
      { workspaceId: 7, customerIds: ["c-2", "c-1"], since: APRIL },
      { workspaceId: 7, customerIds: ["c-1", "c-3"], since: MARCH },
    );
    expect(merged).toEqual({ workspaceId: 7, customerIds: ["c-2", "c-1", "c-3"], since: MARCH });
  });

  test("every customer if either scope has every customer; all time if either has no start", () => {
    expect(
      mergeScopes(
        { workspaceId: 7, customerIds: ["c-1"], since: MARCH },
        { workspaceId: 7, customerIds: null, since: APRIL },
      ),
    ).toEqual({ workspaceId: 7, customerIds: null, since: MARCH });
    expect(
      mergeScopes(
        { workspaceId: 7, customerIds: null, since: null },
        { workspaceId: 7, customerIds: ["c-1"], since: APRIL },
      ),
    ).toEqual({ workspaceId: 7, customerIds: null, since: null });
    expect(mergeScopes({ workspaceId: 7 }, { workspaceId: 7, customerIds: ["c-1"], since: APRIL })).toEqual({
      workspaceId: 7,
      customerIds: null,
      since: null,
    });
  });

  test("neither scope is changed", () => {
    const a = { workspaceId: 7, customerIds: ["c-1"], since: APRIL };
    const b = { workspaceId: 7, customerIds: ["c-2"], since: MARCH };
    mergeScopes(a, b);
    expect(a).toEqual({ workspaceId: 7, customerIds: ["c-1"], since: APRIL });
    expect(b).toEqual({ workspaceId: 7, customerIds: ["c-2"], since: MARCH });
  });
});
