import { describe, expect, test } from "vitest";

import { GET } from "@/app/api/v1/openapi.json/route";
import { CUSTOMER_LIST_CATALOGUE, METRIC_CATALOGUE, METRIC_NAMES } from "@/lib/metrics/catalogue";
import { OPENAPI_PATH } from "@/lib/openapi/build-openapi";
import { apiErrorBody, type ApiErrorBody } from "@/lib/schemas/api-error";
import { validateEvent } from "@/lib/schemas/event";
import { ingestResponse } from "@/lib/schemas/ingest-response";

import { doc, type Json, keywordsOutsideDraft07, validator } from "./json-schema";

const schemas = doc.components.schemas;
const events = doc.paths["/api/v1/events"].post as Json;
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const isBatch = validator("EventBatch");

/** Every `$ref` anywhere in a value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string") found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

function resolvePointer(ref: string): unknown {
  expect(ref.startsWith("#/")).toBe(true);
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], doc);
}

describe("the document is OpenAPI 3.1", () => {
  test("it has the required top-level fields", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.info.version).toEqual(expect.any(String));
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
  });

  test("every operation has an id, responses with descriptions, and known security schemes", () => {
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith("/")).toBe(true);
      for (const [method, operation] of Object.entries(item)) {
        expect(HTTP_METHODS).toContain(method);
        const op = operation as Json;
        ids.push(op.operationId as string);
        const responses = Object.entries(op.responses as Json);
        expect(responses.length).toBeGreaterThan(0);
        for (const [status, response] of responses) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect((response as Json).description).toEqual(expect.any(String));
        }
        for (const requirement of (op.security as Json[] | undefined) ?? []) {
          for (const scheme of Object.keys(requirement))
            expect(doc.components.securitySchemes).toHaveProperty(scheme);
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every $ref points into the document", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resolvePointer(ref), ref).toBeDefined();
  });

  test("the component schemas are plain schemas: named by their place, no $schema or $id inside", () => {
    expect(Object.keys(schemas).sort()).toEqual([
      "Error",
      "Event",
      "EventBatch",
      "IngestResponse",
      "MetricResponse",
      "RejectedEvent",
    ]);
    for (const schema of Object.values(schemas)) {
      expect(schema).not.toHaveProperty("$schema");
      expect(schema).not.toHaveProperty("$id");
    }
  });

  test("the schemas use only keywords that mean the same in draft-07, so Ajv checks them faithfully", () => {
    for (const [name, schema] of Object.entries(schemas))
      expect(keywordsOutsideDraft07(schema, name)).toEqual([]);
  });
});

describe("POST /api/v1/events", () => {
  const body = events.requestBody as { content: Record<string, { schema: Json; example: unknown }> };
  const responses = events.responses as Record<string, { content: Record<string, Json>; headers?: Json }>;

  test("takes a JSON batch of at most 1,000 events, or NDJSON as text", () => {
    expect(body.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/EventBatch" });
    expect((schemas.EventBatch.properties as Json).events).toMatchObject({
      type: "array",
      maxItems: 1000,
      items: { $ref: "#/components/schemas/Event" },
    });
    expect(body.content["application/x-ndjson"].schema).toMatchObject({ type: "string" });
  });

  test("needs a bearer API key with the ingest scope", () => {
    expect(events.security).toEqual([{ apiKey: ["ingest"] }]);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  test("answers 200 with the ingest result and every error status with the one error body", () => {
    expect(Object.keys(responses).sort()).toEqual(["200", "400", "401", "403", "413", "415", "429", "500"]);
    expect(responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/IngestResponse",
    });
    for (const status of ["400", "401", "403", "413", "415", "429", "500"]) {
      expect(responses[status].content["application/json"].schema).toEqual({
        $ref: "#/components/schemas/Error",
      });
    }
    expect(responses["429"].headers).toHaveProperty("Retry-After");
  });

  const CODE_OF_STATUS: Record<string, string> = {
    "400": "invalid_input",
    "401": "unauthenticated",
    "403": "forbidden",
    "413": "payload_too_large",
    "415": "unsupported_media_type",
    "429": "rate_limited",
    "500": "internal",
  };

  test("every response example is valid against its zod schema and its generated JSON Schema, with the status's code", () => {
    const isResult = validator("IngestResponse");
    const isError = validator("Error");
    for (const [status, response] of Object.entries(responses)) {
      const examples = Object.values(response.content["application/json"].examples as Json);
      expect(examples.length).toBeGreaterThan(0);
      for (const { value } of examples as { value: unknown }[]) {
        const [zod, generated] = status === "200" ? [ingestResponse, isResult] : [apiErrorBody, isError];
        expect(zod.safeParse(value).success, JSON.stringify(value)).toBe(true);
        expect(generated(value), JSON.stringify(generated.errors)).toBe(true);
        if (status !== "200") expect((value as ApiErrorBody).error.code).toBe(CODE_OF_STATUS[status]);
      }
    }
  });

  test("the request examples are batches the API accepts in full", () => {
    const json = body.content["application/json"].example as { events: unknown[] };
    expect(isBatch(json), JSON.stringify(isBatch.errors)).toBe(true);
    const lines = (body.content["application/x-ndjson"].example as string).trim().split("\n");
    for (const event of [...json.events, ...lines.map((line) => JSON.parse(line))]) {
      expect(validateEvent(event)).toMatchObject({ ok: true });
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  test("is public: 200 with JSON and a 5-minute public cache, without any key or session", async () => {
    const response = await GET(new Request(`http://localhost:3000${OPENAPI_PATH}`), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

describe("GET /api/v1/metrics/<name>", () => {
  test("every metric of the catalogue has an operation with the common and its own parameters", () => {
    for (const name of METRIC_NAMES) {
      const operation = (doc.paths[`/api/v1/metrics/${name}`] as { get: Json }).get as {
        parameters: { name: string; in: string }[];
        security: unknown;
      };
      expect(operation, name).toBeDefined();
      const names = operation.parameters.map((p) => p.name);
      expect(names).toEqual(
        expect.arrayContaining(["from", "to", "tz", "channel", "segment", "segmentId", "compare"]),
      );
      expect(names).toEqual(expect.arrayContaining(Object.keys(METRIC_CATALOGUE[name].params)));
      expect(operation.parameters.every((p) => p.in === "query")).toBe(true);
      expect(operation.security).toEqual([{ apiKey: ["read"] }, { session: [] }]);
    }
  });

  test("every customer list has a sessions-only operation with its paging parameters", () => {
    for (const [name, list] of Object.entries(CUSTOMER_LIST_CATALOGUE)) {
      const operation = (doc.paths[`/api/v1/metrics/${name}/customers`] as { get: Json }).get as {
        parameters: { name: string }[];
        security: unknown;
      };
      expect(operation, name).toBeDefined();
      const names = operation.parameters.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(["from", "to", "segment", "limit", "offset"]));
      expect(names).toEqual(expect.arrayContaining(Object.keys(list.params)));
      expect(operation.security).toEqual([{ session: [] }]);
    }
    expect(doc.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
  });

  test("the paths parameter list decodes comma-separated event types and JSON events", () => {
    const { types, event } = METRIC_CATALOGUE.paths.params;
    expect(types.parse("purchased, page_viewed")).toEqual(["purchased", "page_viewed"]);
    expect(types.safeParse("purchased,nope").success).toBe(false);
    expect(event.parse('{"type":"purchased"}')).toEqual({ type: "purchased" });
    expect(event.safeParse("{").success).toBe(false);
  });
});
