import { buildComponentSchemas, type JsonSchema } from "./component-schemas";
import { eventsOperation } from "./events-operation";
import { metricsPaths } from "./metrics-operations";

/** Where the document is served (app/api/v1/openapi.json/route.ts). */
export const OPENAPI_PATH = "/api/v1/openapi.json";

export interface OpenApiDocument {
  openapi: "3.1.0";
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

/**
 * The OpenAPI 3.1 description of the public API, its schemas generated from the zod schemas
 * the API validates with (lib/schemas). Pure: the route builds it once per process.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "Resonans API",
      version: "1.0.0",
      description:
        "Send first-party events (messages sent and how customers reacted, consent, stated preferences, " +
        "behaviour, purchases, profile updates) to a Resonans workspace, and read every metric computed " +
        "from them. Limits per ingestion request: 1,000 " +
        "events, 1 MiB of body, 8 KB of `properties` per event. Errors have one body shape: " +
        '`{ "error": { "code", "message" } }`.',
    },
    tags: [
      { name: "Ingestion", description: "Sending events with a workspace API key." },
      {
        name: "Metrics",
        description:
          "Reading every number of the dashboards, with an API key holding the `read` scope or a session. " +
          "Each metric takes the same window, time zone, channel, segment and comparison parameters.",
      },
      { name: "Documentation", description: "This description of the API." },
    ],
    paths: {
      "/api/v1/events": { post: eventsOperation },
      ...metricsPaths(),
      [OPENAPI_PATH]: {
        get: {
          operationId: "getOpenApiDocument",
          tags: ["Documentation"],
          summary: "This OpenAPI 3.1 document",
          description: "Public: no API key needed. Cached for 5 minutes.",
          security: [],
          responses: {
            "200": {
              description: "The OpenAPI document.",
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: buildComponentSchemas(),
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "A workspace API key: `Authorization: Bearer <key>`. A key belongs to one workspace and " +
            "carries scopes; sending events needs the `ingest` scope and reading metrics the `read` scope " +
            "(a key without it gets 403). Metrics also accept a signed-in session with `?workspace=<slug>`.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description:
            "A signed-in session (the dashboard's own cookie) with `?workspace=<slug>`. Customer lists " +
            "take a session only, of a role that may see customers (admin, analyst).",
        },
      },
    },
  };
}
