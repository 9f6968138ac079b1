import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";

import { GET } from "@/app/api/v1/metrics/[name]/route";
import { CHANNELS } from "@/lib/events/enums";
import { FREQUENCY_BUCKETS } from "@/lib/metrics/frequency-buckets";
import { segmentDefinition } from "@/lib/metrics/segment";
import { useDatabaseForTests } from "@/lib/server/db";

import { setupTestDatabase } from "../helpers/test-database";

import { fuzzParameters, nested, TRICKY_TEXT } from "./hostile-values";
import { march, readableWorkspace } from "./read-workspace";

/*
 * The segment language (lib/metrics/segment.ts, docs/metrics.md "Segments") under arbitrary
 * JSON: the schema never throws; a tree built from valid conditions within the documented
 * limits (8 levels, 100 conditions) runs as the segment-size metric on this database; one
 * past a limit is a 400 that names it.
 */

const db = setupTestDatabase();
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));

const LIMITS = { depth: 8, leaves: 100 };

let key = "";
beforeAll(async () => {
  key = await readableWorkspace(db.current.prisma, "Hostile segments", [
    { type: "preferences_updated", customerId: "c3", timestamp: march(6), topics: ["yoga"], maxPerWeek: 2 },
    { type: "unsubscribed", customerId: "c1", timestamp: march(7), channel: "email" },
  ]);
});

async function segmentSize(segment: string) {
  const url = new URL("http://localhost/api/v1/metrics/segment-size");
  url.searchParams.set("from", "2026-03-01");
  url.searchParams.set("to", "2026-03-31");
  url.searchParams.set("segment", segment);
  const response = await GET(new Request(url, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ name: "segment-size" }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      result?: { customers: number; matching: number };
      error?: { message: string };
    },
  };
}

/* ---------- conditions valid by construction ---------- */

const comparison = fc.constantFrom("eq", "neq", "gt", "gte", "lt", "lte");
const traitKey = fc.constantFrom("country", "tier", "note_1", "Z", `a${"b".repeat(63)}`);
const scalar = fc.oneof(
  fc.constantFrom(...TRICKY_TEXT),
  fc.string({ maxLength: 256 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ field: fc.constant("trait"), key: traitKey, op: fc.constantFrom("eq", "neq"), value: scalar }),
  fc.record({
    field: fc.constant("trait"),
    key: traitKey,
    op: fc.constantFrom("in", "notIn"),
    value: fc.array(scalar, { minLength: 1, maxLength: 5 }),
  }),
  fc.record({
    field: fc.constant("trait"),
    key: traitKey,
    op: fc.constantFrom("gt", "gte", "lt", "lte"),
    value: finite,
  }),
  fc.record({ field: fc.constant("trait"), key: traitKey, op: fc.constantFrom("exists", "missing") }),
  fc.record({
    field: fc.constantFrom("purchasesInWindow", "purchasesTotal"),
    op: comparison,
    value: fc.integer({ min: 0, max: 1_000_000 }),
  }),
  fc.record({
    field: fc.constant("daysSinceLastPurchase"),
    op: comparison,
    value: fc.double({ min: 0, max: 100_000, noNaN: true }),
  }),
  fc.record({
    field: fc.constantFrom("contacted", "engaged", "overContacted", "hasStatedPreferences"),
    op: fc.constant("is"),
    value: fc.boolean(),
  }),
  fc.record({
    field: fc.constant("frequencyBucket"),
    op: fc.constant("in"),
    value: fc.subarray(
      FREQUENCY_BUCKETS.map((bucket) => bucket.id),
      { minLength: 1 },
    ),
  }),
  fc.record({
    field: fc.constant("relevance"),
    op: fc.constant("between"),
    value: fc.tuple(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.double({ min: 0, max: 100, noNaN: true }),
    ),
  }),
  fc.record({
    field: fc.constant("consent"),
    channel: fc.constantFrom(...CHANNELS),
    op: fc.constant("is"),
    value: fc.constantFrom("granted", "optedOut", "unknown"),
  }),
  fc.record({
    field: fc.constant("statedTopic"),
    op: fc.constant("includes"),
    value: fc.constantFrom("yoga", "a-1"),
  }),
  fc.record({
    field: fc.constant("statedMaxPerWeek"),
    op: comparison,
    value: fc.double({ min: Number.MIN_VALUE, max: 1000, noNaN: true }),
  }),
);

const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ and: fc.array(tie("tree"), { minLength: 1, maxLength: 4 }) }),
    fc.record({ or: fc.array(tie("tree"), { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: tie("tree") }),
  ),
}));

/** The test's own measure of a tree: levels of nesting and conditions. */
function measure(filter: unknown): { depth: number; leaves: number } {
  const node = filter as { and?: unknown[]; or?: unknown[]; not?: unknown };
  const children = node.and ?? node.or ?? (node.not !== undefined ? [node.not] : null);
  if (!children) return { depth: 1, leaves: 1 };
  const measured = children.map(measure);
  return {
    depth: 1 + Math.max(...measured.map((m) => m.depth)),
    leaves: measured.reduce((sum, m) => sum + m.leaves, 0),
  };
}

test("arbitrary JSON never makes the segment schema throw", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.jsonValue({ maxDepth: 8 }),
        tree,
        fc.integer({ min: 0, max: 20_000 }).map((depth) => nested(depth, { field: "contacted" })),
        fc.integer({ min: 0, max: 20_000 }).map((depth) => {
          let value: unknown = { field: "contacted", op: "is", value: true };
          for (let level = 0; level < depth; level++) value = level % 2 ? { not: value } : { and: [value] };
          return value;
        }),
      ),
      (value) => {
        const result = segmentDefinition.safeParse(value);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      },
    ),
    fuzzParameters("segment schema", 1_000),
  );
});

test("valid trees within the limits run as segment-size; past a limit they are a 400 naming it", async () => {
  let ran = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(tree, async (filter) => {
      const { depth, leaves } = measure(filter);
      const response = await segmentSize(JSON.stringify(filter));
      if (depth <= LIMITS.depth && leaves <= LIMITS.leaves) {
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        const { customers, matching } = response.body.result!;
        expect(customers).toBe(3);
        expect(matching).toBeGreaterThanOrEqual(0);
        expect(matching).toBeLessThanOrEqual(customers);
        ran++;
      } else {
        expect(response.status).toBe(400);
        expect(response.body.error?.message).toMatch(
          /^segment: .*(nests deeper than 8|more than 100 conditions)/,
        );
        refused++;
      }
    }),
    fuzzParameters("segment trees", 60),
  );
  expect(ran).toBeGreaterThan(0);
  expect(ran + refused).toBe(60);
}, 240_000);

test("the limits exactly: 8 levels and 100 conditions run, 9 levels and 101 conditions are refused", async () => {
  const danish = { field: "trait", key: "country", op: "eq", value: "DK" };
  const chain = (levels: number) => {
    let value: unknown = danish;
    for (let level = 1; level < levels; level++) value = { not: value };
    return value;
  };
  const conditions = (count: number) => ({ or: Array.from({ length: count }, () => danish) });
  // c3 is the one Danish customer; NOT × 7 of it holds for the other two.
  expect((await segmentSize(JSON.stringify(chain(8)))).body.result).toEqual({
    customers: 3,
    matching: 2,
    share: 2 / 3,
  });
  expect((await segmentSize(JSON.stringify(conditions(100)))).body.result?.matching).toBe(1);
  expect((await segmentSize(JSON.stringify(chain(9)))).body.error?.message).toBe(
    "segment: nests deeper than 8 levels",
  );
  expect((await segmentSize(JSON.stringify(conditions(101)))).body.error?.message).toMatch(
    /^segment: .*(more than 100 conditions|Too big)/,
  );
  expect((await segmentSize(JSON.stringify(chain(3_000)))).status).toBe(400);
});
