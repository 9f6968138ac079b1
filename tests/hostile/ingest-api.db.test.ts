import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";

import { POST } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/server/admin/api-keys";
import { useDatabaseForTests } from "@/lib/server/db";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

import {
  anyText,
  fuzzParameters,
  INVALID_TIMESTAMPS,
  nested,
  TRICKY_TEXT,
  UNSTORABLE_TEXT,
  validTimestamp,
} from "./hostile-values";

/*
 * POST /api/v1/events under hostile bodies. Each generated batch mixes events valid by
 * construction with events broken in one known field; the oracle expects every valid one
 * stored verbatim exactly once, every broken one rejected with a reason naming its field,
 * and nothing else in the workspace — events or derived state.
 */

const db = setupTestDatabase();
const prisma = () => db.current.prisma;
const saved = {
  limit: process.env.RESONANS_INGEST_RATE_LIMIT,
  burst: process.env.RESONANS_INGEST_RATE_BURST,
};
beforeAll(() => {
  useDatabaseForTests(db.current);
  // The rate limit is tested elsewhere; here every request must reach the body.
  process.env.RESONANS_INGEST_RATE_LIMIT = "100000";
  process.env.RESONANS_INGEST_RATE_BURST = "100000";
});
afterAll(() => {
  useDatabaseForTests(undefined);
  for (const [name, value] of [
    ["RESONANS_INGEST_RATE_LIMIT", saved.limit],
    ["RESONANS_INGEST_RATE_BURST", saved.burst],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const MiB = 1024 * 1024;
type Json = Record<string, unknown>;

async function freshKey() {
  const workspaceId = await createWorkspace(prisma(), "Hostile");
  const { key } = await createApiKey(prisma(), workspaceId, { name: "fuzz", scopes: ["ingest"] });
  return { workspaceId, key };
}

async function post(key: string, contentType: string | null, body: string | Uint8Array) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (contentType !== null) headers["content-type"] = contentType;
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  const request = new Request("http://localhost/api/v1/events", { method: "POST", headers, body: bytes });
  const response = await POST(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Json };
}

/* ---------- events valid by construction ---------- */

interface ValidItem {
  kind: "valid";
  event: Json;
}
interface BrokenItem {
  kind: "invalid";
  raw: unknown;
  /** The field the reason must name ("event" for a value that is no event at all). */
  field: string;
}
/** An NDJSON line that is not JSON (in a JSON body: the line as a string, no event either). */
interface LineItem {
  kind: "line";
  line: string;
}
type Item = ValidItem | BrokenItem | LineItem;

/** A customer key: any storable text, kept clear of the e-mail, phone and whitespace guards. */
const customerId = anyText(100)
  .filter((text) => !text.includes("@"))
  .map((text) => `c${text}z`);

const properties = fc.option(
  fc.record({
    note: anyText(200),
    deep: fc.integer({ min: 0, max: 60 }).map((depth) => nested(depth, "leaf")),
  }),
  { nil: undefined },
);

/** One valid event of a common type; `id` is filled in per position, so ids are unique. */
const validBody: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ type: fc.constant("page_viewed"), properties }),
  fc.record({
    type: fc.constant("message_sent"),
    channel: fc.constantFrom("email", "sms", "push"),
    messageId: anyText(128),
    topic: fc.option(fc.constantFrom("running", "trail-running", "yoga"), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant("customer_updated"),
    traits: fc.record({
      country: fc.constantFrom("DK", "NO", "SE", null),
      note: anyText(300).filter((text) => !text.includes("@")),
    }),
  }),
  fc.record({
    type: fc.constant("purchased"),
    channel: fc.constant("web"),
    topics: fc.constant(["running"]),
    value: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100),
    currency: fc.constantFrom("DKK", "EUR"),
  }),
  fc.record({ type: fc.constant("consent_granted"), channel: fc.constant("email") }),
);

const validEvent = fc
  .record({ body: validBody, customerId, timestamp: validTimestamp, idText: anyText(100) })
  .map(({ body, customerId, timestamp, idText }) => ({
    ...Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)),
    customerId,
    timestamp,
    idText,
  }));

/* ---------- events broken in one known field ---------- */

/** Stands for a value nested 200,000 levels deep, which only the rendered body spells out (JSON.stringify could not). */
const DEEP_MARK = "@@nested-200000-levels@@";
const DEEP_JSON = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;

const breakage: fc.Arbitrary<{ field: string; value?: unknown; remove?: true }> = fc.oneof(
  fc.record({ field: fc.constant("timestamp"), value: fc.constantFrom(...INVALID_TIMESTAMPS) }),
  fc.record({
    field: fc.constant("customerId"),
    value: fc.constantFrom<unknown>(
      42,
      "",
      " c1",
      "c1\n",
      "a".repeat(129),
      "x".repeat(200_000),
      "anna@example.com",
      "+45 12 34 56 78",
      {},
      ["c1"],
      false,
      ...UNSTORABLE_TEXT,
    ),
  }),
  fc.record({
    field: fc.constant("type"),
    value: fc.constantFrom<unknown>("signed_up", 5, "", "PAGE_VIEWED", "page_viewed\u0000", "page_viewed "),
  }),
  fc.record({ field: fc.constant("type"), remove: fc.constant(true as const) }),
  fc.record({
    field: fc.constant("id"),
    value: fc.constantFrom<unknown>("", "x".repeat(129), 42, { id: 1 }, ...UNSTORABLE_TEXT),
  }),
  fc.record({
    field: fc.constant("properties"),
    value: fc.constantFrom<unknown>(
      [],
      "a string",
      7,
      { big: "x".repeat(9_000) }, // over 8 KB
      { big: "€".repeat(2_800) }, // under 8,192 characters, over 8 KB in UTF-8
      nested(65), // deeper than 64 levels
      { deep: DEEP_MARK }, // 200,000 levels: must not exhaust the stack
      { "k\u0000": 1 },
      { text: "bad\ud800" },
      { list: [1, "\u0000"] },
    ),
  }),
  fc.record({ field: fc.constant("channel"), value: fc.constantFrom<unknown>("carrier-pigeon", 3, "EMAIL") }),
  fc.record({
    field: fc.constantFrom(
      "source",
      "__proto__",
      "constructor",
      "toString",
      `'; DROP TABLE "Event"; --`,
      "<script>",
      "Type",
    ),
    value: fc.constantFrom<unknown>(1, null, { type: "page_viewed" }, "x"),
  }),
);

const brokenEvent: fc.Arbitrary<BrokenItem> = fc.oneof(
  fc.record({ base: validEvent, breakage }).map(({ base, breakage: { field, value, remove } }) => {
    const { idText, ...event } = base;
    const raw: Json = { ...event, id: `bad-${String(idText)}` };
    if (remove) delete raw[field];
    // defineProperty: "__proto__" must become a field, as JSON.parse makes it one
    else Object.defineProperty(raw, field, { value, enumerable: true, writable: true, configurable: true });
    return { kind: "invalid" as const, raw, field };
  }),
  fc.record({
    kind: fc.constant("invalid" as const),
    raw: fc.constantFrom<unknown>(null, 1, "page_viewed", true, [], [{ type: "page_viewed" }]),
    field: fc.constant("event"),
  }),
);

const brokenLine: fc.Arbitrary<LineItem> = fc
  .oneof(
    validEvent.chain((event) => {
      const text = JSON.stringify(event);
      return fc.integer({ min: 1, max: text.length - 1 }).map((cut) => text.slice(0, cut)); // truncated
    }),
    fc.constantFrom(
      '{"type": "page_viewed"]',
      '["type": "page_viewed"}',
      "{}\uFEFF", // a byte order mark is no JSON whitespace (one opening the body is skipped)
      "{'type': 'page_viewed'}",
      "{type: page_viewed}",
      '{"type": "page_viewed",}',
      "NaN",
      "undefined",
      '{"a": 1}{"b": 2}',
      "\u0000",
    ),
  )
  .map((line) => ({ kind: "line" as const, line }));

const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 5, arbitrary: validEvent.map((event) => ({ kind: "valid" as const, event })) },
  { weight: 4, arbitrary: brokenEvent },
  { weight: 1, arbitrary: brokenLine },
);

interface Batch {
  items: Item[];
  format: "json" | "ndjson";
  lineEnd: "\n" | "\r\n";
  blankLines: boolean;
  repeatLast: boolean;
  sendTwice: boolean;
}

const batch: fc.Arbitrary<Batch> = fc.record({
  items: fc.array(item, { maxLength: 25 }),
  format: fc.constantFrom("json", "ndjson"),
  lineEnd: fc.constantFrom("\n", "\r\n"),
  blankLines: fc.boolean(),
  repeatLast: fc.boolean(),
  sendTwice: fc.boolean(),
});

/** The batch as sent: ids made unique by position, events in order, and the request body. */
function render(spec: Batch) {
  const sent: { item: Item; value: unknown }[] = spec.items.map((item, index) => {
    if (item.kind === "valid") {
      const { idText, ...event } = item.event;
      return { item, value: { ...event, id: `${index}:${String(idText)}` } };
    }
    return { item, value: item.kind === "line" ? item.line : item.raw };
  });
  const lastValid = sent.findLast(({ item }) => item.kind === "valid");
  if (spec.repeatLast && lastValid) sent.push(lastValid); // the same event again: a duplicate
  const lines = sent.map(({ item, value }) =>
    item.kind === "line" && spec.format === "ndjson" ? item.line : JSON.stringify(value),
  );
  const text =
    spec.format === "json"
      ? `{"events":[${lines.join(",")}]}`
      : lines.map((line) => (spec.blankLines ? `${line}${spec.lineEnd}  ` : line)).join(spec.lineEnd);
  return { sent, body: text.replaceAll(JSON.stringify(DEEP_MARK), DEEP_JSON) };
}

test("hostile batches: 200 or a 4xx with a reason, and exactly the valid events stored", async () => {
  await fc.assert(
    fc.asyncProperty(batch, async (spec) => {
      const { workspaceId, key } = await freshKey();
      const { sent, body } = render(spec);
      const contentType = spec.format === "json" ? "application/json" : "application/x-ndjson";
      const valid = new Map<string, Json>();
      let duplicates = 0;
      for (const { item, value } of sent) {
        if (item.kind !== "valid") continue;
        const event = value as Json;
        if (valid.has(event.id as string)) duplicates++;
        else valid.set(event.id as string, event);
      }
      const bytes = new TextEncoder().encode(body).byteLength;
      const parseableLines = sent.filter(({ item }) => item.kind !== "line").length;

      const response = await post(key, contentType, body);
      if (bytes > MiB) {
        expect(response.status).toBe(413);
      } else if (spec.format === "ndjson" && parseableLines === 0) {
        expect(response.status).toBe(400);
      } else {
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        const rejected = response.body.rejected as { index: number; errors: string[] }[];
        const expectedRejected = sent.flatMap(({ item }, index) =>
          item.kind === "valid" ? [] : [{ index, field: item.kind === "line" ? "event" : item.field }],
        );
        expect(rejected.map((entry) => entry.index)).toEqual(expectedRejected.map((entry) => entry.index));
        for (const [position, { field }] of expectedRejected.entries()) {
          const errors = rejected[position].errors;
          expect(
            errors.some((error) => error.startsWith(`${field}:`) || error.startsWith(`${field}.`)),
            `${JSON.stringify(errors)} should name ${field}`,
          ).toBe(true);
        }
        expect(response.body).toMatchObject({ accepted: valid.size, duplicates });
        if (spec.sendTwice) {
          const again = await post(key, contentType, body);
          expect(again.status).toBe(200);
          expect(again.body).toEqual({ accepted: 0, duplicates: valid.size + duplicates, rejected });
        }
      }
      if (response.status !== 200) {
        expect((response.body.error as { message: string }).message.length).toBeGreaterThan(0);
        valid.clear();
      }
      await expectExactlyStored(workspaceId, valid);
    }),
    fuzzParameters("ingest batches", 30),
  );
}, 240_000);

/** The workspace holds exactly these events, verbatim, and derived state for nothing else. */
async function expectExactlyStored(workspaceId: number, valid: Map<string, Json>) {
  const events = await prisma().event.findMany({ where: { workspaceId } });
  expect(events.map((event) => event.eventKey).sort()).toEqual([...valid.keys()].sort());
  for (const stored of events) {
    const sent = valid.get(stored.eventKey)!;
    expect(stored.customerId).toBe(sent.customerId);
    expect(stored.type).toBe(sent.type);
    expect(stored.properties).toEqual(sent.properties ?? null);
    if (sent.type === "message_sent") expect(stored.messageId).toBe(sent.messageId);
  }
  const customers = new Set([...valid.values()].map((event) => event.customerId as string));
  const customerRows = await prisma().customer.findMany({ where: { workspaceId }, select: { id: true } });
  expect(customerRows.map((row) => row.id).sort()).toEqual([...customers].sort());
  const consents = await prisma().customerConsent.findMany({ where: { workspaceId } });
  const preferences = await prisma().customerPreference.findMany({ where: { workspaceId } });
  for (const row of [...consents, ...preferences]) expect(customers.has(row.customerId)).toBe(true);
  const messages = await prisma().message.findMany({ where: { workspaceId }, select: { messageId: true } });
  const sentMessages = new Set(
    [...valid.values()].filter((event) => event.type === "message_sent").map((event) => event.messageId),
  );
  expect(new Set(messages.map((row) => row.messageId))).toEqual(sentMessages);
}

test("SQL- and script-shaped text that is otherwise valid is stored verbatim", async () => {
  const { workspaceId, key } = await freshKey();
  const events = TRICKY_TEXT.map((text, index) => ({
    id: `${text}#${index}`,
    type: "customer_updated",
    customerId: `c${text}`,
    timestamp: "2026-03-01T09:30:00Z",
    traits: { note: text, [`k${index}`]: text },
  }));
  const response = await post(key, "application/json", JSON.stringify({ events }));
  expect(response).toEqual({
    status: 200,
    body: { accepted: TRICKY_TEXT.length, duplicates: 0, rejected: [] },
  });
  const stored = await prisma().event.findMany({ where: { workspaceId } });
  const byKey = (a: { eventKey: string }, b: { eventKey: string }) => (a.eventKey < b.eventKey ? -1 : 1);
  expect(
    stored.map(({ eventKey, customerId, traits }) => ({ eventKey, customerId, traits })).sort(byKey),
  ).toEqual(events.map(({ id, customerId, traits }) => ({ eventKey: id, customerId, traits })).sort(byKey));
  const customer = await prisma().customer.findUniqueOrThrow({
    where: { workspaceId_id: { workspaceId, id: `c${TRICKY_TEXT[0]}` } },
  });
  expect(customer.traits).toEqual({ note: TRICKY_TEXT[0], k0: TRICKY_TEXT[0] });
  // and the tables those strings name are still there
  expect(await prisma().event.count()).toBeGreaterThanOrEqual(TRICKY_TEXT.length);
});

/* ---------- whole bodies that are no batch at all ---------- */

const validBatchText = fc
  .array(validEvent, { minLength: 1, maxLength: 5 })
  .map((events) => JSON.stringify({ events: events.map(({ idText, ...e }) => ({ ...e, id: idText })) }));

const hostileBody: fc.Arbitrary<{ contentType: string | null; body: string | Uint8Array }> = fc.record({
  contentType: fc.constantFrom(
    "application/json",
    "application/x-ndjson",
    "application/json; charset=latin1",
    "text/plain",
    "multipart/form-data; boundary=x",
    'APPLICATION/X-NDJSON ; charset="utf-8"',
    "application/json; charset=",
    null,
  ),
  body: fc.oneof(
    validBatchText.chain((text) => fc.integer({ min: 0, max: text.length - 1 }).map((n) => text.slice(0, n))),
    validBatchText.map((text) => `\uFEFF${text}`),
    validBatchText.map((text) => text.replace("[", "{")),
    validBatchText.map((text) => text.replace("{", "[")),
    validBatchText.map((text) => text.replace('"events"', '"events\u0000"')),
    validBatchText.map((text) => `${text}${text}`),
    fc.constantFrom(
      "null",
      "[]",
      '"events"',
      '{"events": null}',
      '{"events": "[]"}',
      '{"events": [], "events": 1}',
      '{"__proto__": {"events": []}}',
      `{"events": ${"[".repeat(400_000)}${"]".repeat(400_000)}}`, // deep nesting, under 1 MiB
      `{"events": [${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}]}`,
      `{"events": ["${"x".repeat(MiB)}"]}`, // over 1 MiB
      `{"events": [${Array.from({ length: 1001 }, () => "{}").join(",")}]}`, // over 1,000 events
      "\u0000\u0000\u0000",
    ),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }),
  ),
});

test("bodies that are no batch: a 4xx with a reason (or 200 for what is one), nothing else stored", async () => {
  const { workspaceId, key } = await freshKey();
  let stored = 0;
  await fc.assert(
    fc.asyncProperty(hostileBody, async ({ contentType, body }) => {
      const response = await post(key, contentType, body);
      expect([200, 400, 413, 415]).toContain(response.status);
      if (response.status === 200) {
        stored += response.body.accepted as number;
      } else {
        const error = response.body.error as { code: string; message: string };
        expect(error.code).toMatch(/^[a-z_]+$/);
        expect(error.message.length).toBeGreaterThan(0);
        expect(error.message).not.toMatch(/prisma|SELECT|INSERT|\bat .+:\d+/i);
      }
      expect(await prisma().event.count({ where: { workspaceId } })).toBe(stored);
    }),
    fuzzParameters("ingest bodies", 80),
  );
  // the route still works afterwards
  const ok = await post(
    key,
    "application/json",
    JSON.stringify({
      events: [{ id: "after", type: "page_viewed", customerId: "c1", timestamp: "2026-03-01T09:30:00Z" }],
    }),
  );
  expect(ok).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } });
}, 240_000);
