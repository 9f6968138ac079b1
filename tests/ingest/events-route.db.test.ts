import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";

import { POST } from "@/app/api/v1/events/route";
import type { ApiKeyScope } from "@/lib/generated/prisma/client";
import { createApiKey, revokeApiKey } from "@/lib/server/admin/api-keys";
import { useDatabaseForTests } from "@/lib/server/db";

import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";

import { pageView, uniqueId } from "./event-fixtures";

const db = setupTestDatabase();
beforeAll(() => useDatabaseForTests(db.current));
afterAll(() => useDatabaseForTests(undefined));

const URL = "http://localhost:3000/api/v1/events";
const context = { params: Promise.resolve({}) };
const MiB = 1024 * 1024;

interface Call {
  key?: string | null;
  contentType?: string | null;
  body?: BodyInit | null;
  headers?: Record<string, string>;
}

async function post({ key, contentType = "application/json", body, headers = {} }: Call) {
  const all: Record<string, string> = { ...headers };
  if (key) all.authorization = `Bearer ${key}`;
  if (contentType) all["content-type"] = contentType;
  const request = new Request(URL, { method: "POST", headers: all, body, duplex: "half" } as RequestInit);
  const response = await POST(request, context);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function ingestKey(scopes: ApiKeyScope[] = ["ingest"]) {
  const workspaceId = await createWorkspace(db.current.prisma, "Route");
  const { key, apiKey } = await createApiKey(db.current.prisma, workspaceId, { name: "test", scopes });
  return { workspaceId, key, id: apiKey.id };
}

const json = (events: unknown[]) => JSON.stringify({ events });

describe("200", () => {
  test("a JSON batch: stored, answered with exactly accepted, duplicates and rejected", async () => {
    const { workspaceId, key } = await ingestKey();
    const events = [
      pageView("c1", "2026-03-02T10:00:00Z"),
      { type: "page_viewed" },
      pageView("c1", "2026-03-02T10:00:00Z"),
    ];
    const response = await post({ key, body: json(events) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accepted: 1,
      duplicates: 1,
      rejected: [{ index: 1, errors: ["customerId: required", "timestamp: required"] }],
    });
    // a 200 means committed
    expect(await db.current.prisma.event.count({ where: { workspaceId } })).toBe(1);
  });

  test("NDJSON: one event per line; a line that is not JSON is rejected with its index; blank lines are skipped", async () => {
    const { workspaceId, key } = await ingestKey();
    const lines = [JSON.stringify(pageView("c1")), "{not json", "", JSON.stringify(pageView("c2")), ""];
    const response = await post({ key, contentType: "application/x-ndjson", body: lines.join("\r\n") });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 2, duplicates: 0 });
    const [rejected] = response.body.rejected as { index: number; errors: string[] }[];
    expect(rejected.index).toBe(1);
    expect(rejected.errors).toHaveLength(1);
    expect(rejected.errors[0]).toMatch(/^event: not valid JSON \(.+\)$/);
    expect(await db.current.prisma.event.count({ where: { workspaceId } })).toBe(2);
  });

  test("content types are matched without regard to case or a UTF-8 charset; application/ndjson is NDJSON too", async () => {
    const { key } = await ingestKey();
    expect(
      (await post({ key, contentType: "Application/JSON; charset=UTF-8", body: json([pageView("c1")]) }))
        .status,
    ).toBe(200);
    expect(
      (await post({ key, contentType: "application/ndjson", body: JSON.stringify(pageView("c2")) })).status,
    ).toBe(200);
  });

  test("an empty events array is answered with zeros", async () => {
    const { key } = await ingestKey();
    const response = await post({ key, body: json([]) });
    expect(response).toMatchObject({ status: 200, body: { accepted: 0, duplicates: 0, rejected: [] } });
  });

  test("the events go to the key's own workspace", async () => {
    const { workspaceId, key } = await ingestKey();
    const other = await ingestKey();
    await post({ key, body: json([pageView("c1", undefined, { id: uniqueId() })]) });
    expect(await db.current.prisma.event.count({ where: { workspaceId } })).toBe(1);
    expect(await db.current.prisma.event.count({ where: { workspaceId: other.workspaceId } })).toBe(0);
  });
});

describe("400: a body that is not JSON / NDJSON at all", () => {
  test.each<[string, Call, string]>([
    ["invalid JSON", { body: "{events: [" }, "The body is not valid JSON: "],
    ["a JSON array instead of an object", { body: "[]" }, 'Expected {"events": [...]}.'],
    [
      "events not an array",
      { body: '{"events": {}}' },
      'Expected {"events": [...]}; "events" must be an array.',
    ],
    ["no events field", { body: "{}" }, 'Expected {"events": [...]}; "events" must be an array.'],
    [
      "an unknown field beside events",
      { body: '{"events": [], "sentAt": 1}' },
      'Expected {"events": [...]}; unknown field "sentAt".',
    ],
    ["an empty body", { body: "" }, "The body is empty; send events."],
    [
      "NDJSON without a single JSON line",
      { contentType: "application/x-ndjson", body: "hello\nworld" },
      "The body is not NDJSON: no line is a JSON value.",
    ],
    [
      "bytes that are not UTF-8",
      { body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
      "The body is not valid UTF-8.",
    ],
  ])("%s", async (_, call, message) => {
    const { key } = await ingestKey();
    const response = await post({ key, ...call });
    expect(response.status).toBe(400);
    const error = (response.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("invalid_input");
    expect(error.message.startsWith(message)).toBe(true);
  });
});

describe("401 and 403", () => {
  test("no Authorization header", async () => {
    const response = await post({ body: json([pageView("c1")]) });
    expect(response).toEqual({
      status: 401,
      headers: expect.anything(),
      body: {
        error: { code: "unauthenticated", message: "Send a workspace API key: Authorization: Bearer <key>." },
      },
    });
  });

  test("an Authorization header that is not a bearer key", async () => {
    const response = await post({ headers: { authorization: "Basic dXNlcjpwYXNz" }, body: json([]) });
    expect(response.status).toBe(401);
  });

  test("an unknown key", async () => {
    const response = await post({ key: "rsn_notAKeyThatWasEverIssued", body: json([]) });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: { code: "unauthenticated", message: "The API key is missing, unknown or revoked." },
    });
  });

  test("a revoked key", async () => {
    const { workspaceId, key, id } = await ingestKey();
    await revokeApiKey(db.current.prisma, workspaceId, id);
    expect((await post({ key, body: json([]) })).status).toBe(401);
  });

  test("a key without the ingest scope is forbidden, and nothing is stored", async () => {
    const { workspaceId, key } = await ingestKey(["read"]);
    const response = await post({ key, body: json([pageView("c1")]) });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      error: { code: "forbidden", message: 'This API key lacks the "ingest" scope.' },
    });
    expect(await db.current.prisma.event.count({ where: { workspaceId } })).toBe(0);
  });

  test("authentication comes before the body is looked at", async () => {
    expect((await post({ contentType: "text/plain", body: "x" })).status).toBe(401);
  });
});

describe("413: over the limits", () => {
  test("more than 1,000 events in JSON", async () => {
    const { workspaceId, key } = await ingestKey();
    const response = await post({
      key,
      body: json(Array.from({ length: 1001 }, (_, i) => pageView(`c${i}`))),
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      error: { code: "payload_too_large", message: "At most 1,000 events per request; got 1,001." },
    });
    expect(await db.current.prisma.event.count({ where: { workspaceId } })).toBe(0);
  });

  test("exactly 1,000 events are accepted", async () => {
    const { key } = await ingestKey();
    const response = await post({
      key,
      body: json(Array.from({ length: 1000 }, (_, i) => pageView(`c${i}`))),
    });
    expect(response).toMatchObject({ status: 200, body: { accepted: 1000 } });
  });

  test("more than 1,000 lines of NDJSON", async () => {
    const { key } = await ingestKey();
    const body = Array.from({ length: 1001 }, (_, i) => JSON.stringify(pageView(`c${i}`))).join("\n");
    expect((await post({ key, contentType: "application/x-ndjson", body })).status).toBe(413);
  });

  test("a Content-Length over 1 MiB is refused before reading", async () => {
    const { key } = await ingestKey();
    const response = await post({ key, body: json([]), headers: { "content-length": String(MiB + 1) } });
    expect(response.status).toBe(413);
    expect((response.body as { error: { message: string } }).error.message).toBe(
      "The body exceeds 1,048,576 bytes (1 MiB); send smaller batches.",
    );
  });

  test("a body over 1 MiB without Content-Length is refused while reading", async () => {
    const { key } = await ingestKey();
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MiB) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    expect((await post({ key, body: stream })).status).toBe(413);
  });

  test("a body of exactly 1 MiB is read", async () => {
    const { key } = await ingestKey();
    const body = json([pageView("c1")]);
    const padded = body + " ".repeat(MiB - new TextEncoder().encode(body).byteLength);
    expect((await post({ key, body: padded })).status).toBe(200);
  });
});

describe("415: other content types", () => {
  test.each([
    ["text/plain", 'Unsupported content type "text/plain": send application/json or application/x-ndjson.'],
    [
      "application/x-www-form-urlencoded",
      'Unsupported content type "application/x-www-form-urlencoded": send application/json or application/x-ndjson.',
    ],
    [null, "No Content-Type: send application/json or application/x-ndjson."],
    [
      "application/json; charset=latin1",
      'Unsupported charset "latin1": send application/json or application/x-ndjson in UTF-8.',
    ],
  ])("%s", async (contentType, message) => {
    const { key } = await ingestKey();
    // bytes, not a string: a string body would get a default text/plain Content-Type
    const response = await post({ key, contentType, body: new TextEncoder().encode(json([pageView("c1")])) });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ error: { code: "unsupported_media_type", message } });
  });
});

describe("429: over the rate limit", () => {
  const saved = {
    limit: process.env.RESONANS_INGEST_RATE_LIMIT,
    burst: process.env.RESONANS_INGEST_RATE_BURST,
  };
  afterEach(() => {
    process.env.RESONANS_INGEST_RATE_LIMIT = saved.limit;
    process.env.RESONANS_INGEST_RATE_BURST = saved.burst;
    if (saved.limit === undefined) delete process.env.RESONANS_INGEST_RATE_LIMIT;
    if (saved.burst === undefined) delete process.env.RESONANS_INGEST_RATE_BURST;
  });

  test("past the burst a key gets 429 with Retry-After in seconds; other keys are not affected", async () => {
    process.env.RESONANS_INGEST_RATE_LIMIT = "0.5";
    process.env.RESONANS_INGEST_RATE_BURST = "2";
    const { workspaceId, key } = await ingestKey();
    const other = await ingestKey();
    const body = () => json([pageView("c1", undefined, { id: uniqueId() })]);

    expect((await post({ key, body: body() })).status).toBe(200);
    expect((await post({ key, body: body() })).status).toBe(200);
    const limited = await post({ key, body: body() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2"); // one token at 0.5 per second
    expect(limited.body).toEqual({
      error: { code: "rate_limited", message: "Too many requests for this API key; retry in 2 s." },
    });
    expect(await db.current.prisma.event.count({ where: { workspaceId } })).toBe(2);
    expect((await post({ key: other.key, body: body() })).status).toBe(200);
  });
});
