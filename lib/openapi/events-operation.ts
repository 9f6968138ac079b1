import { EVENT_LIMITS } from "@/lib/schemas/event";

import { schemaRef } from "./component-schemas";

/** `POST /api/v1/events` in the API description; the examples are the server's exact answers. */

const MiB = EVENT_LIMITS.maxRequestBytes;
const maxEvents = EVENT_LIMITS.maxEventsPerRequest.toLocaleString("en");

const error = (code: string, message: string) => ({ value: { error: { code, message } } });

function errorResponse(description: string, examples: Record<string, { value: unknown }>) {
  return { description, content: { "application/json": { schema: schemaRef("Error"), examples } } };
}

const EXAMPLE_EVENTS = [
  {
    id: "doc-1",
    type: "message_sent",
    customerId: "c-00042",
    timestamp: "2026-03-01T09:30:00Z",
    channel: "email",
    messageId: "m-doc-1",
    campaignId: "docs",
    topic: "running",
  },
  {
    id: "doc-2",
    type: "message_clicked",
    customerId: "c-00042",
    timestamp: "2026-03-01T10:02:00Z",
    channel: "email",
    messageId: "m-doc-1",
  },
];

const requestBody = {
  required: true,
  description:
    `At most ${maxEvents} events and ${MiB.toLocaleString("en")} bytes (1 MiB) per request, in UTF-8 ` +
    "(a charset other than UTF-8 is a 415); each event's `properties` at most " +
    `${EVENT_LIMITS.maxPropertiesBytes.toLocaleString("en")} bytes (8 KB) serialised. ` +
    "Each event is validated on its own: valid ones are stored " +
    "even when others in the batch are rejected.",
  content: {
    "application/json": {
      schema: schemaRef("EventBatch"),
      example: { events: EXAMPLE_EVENTS },
    },
    "application/x-ndjson": {
      schema: {
        type: "string",
        description:
          "One Event as JSON per line (`\\n` or `\\r\\n`); blank lines are skipped and take no index. A " +
          "line that is not JSON is a rejected event, not a failed request; a body in which no line is " +
          "JSON is a 400. `application/ndjson` is accepted as a synonym.",
      },
      example: EXAMPLE_EVENTS.map((event) => JSON.stringify(event)).join("\n") + "\n",
    },
  },
};

const responses = {
  "200": {
    description:
      "The batch was processed: every event was stored (accepted), recognised as already stored or " +
      "repeated within the batch (duplicates), or rejected with every reason. A 200 means every " +
      "accepted event is committed.",
    content: {
      "application/json": {
        schema: schemaRef("IngestResponse"),
        examples: {
          accepted: { summary: "Every event stored", value: { accepted: 2, duplicates: 0, rejected: [] } },
          duplicates: {
            summary: "The same batch sent again",
            value: { accepted: 0, duplicates: 2, rejected: [] },
          },
          partial: {
            summary: "Some events rejected",
            value: {
              accepted: 1,
              duplicates: 0,
              rejected: [
                {
                  index: 1,
                  errors: [
                    "timestamp: needs a UTC offset or Z (e.g. 2026-03-01T09:30:00Z)",
                    "channel: required for message_opened",
                    "messageId: required for message_opened",
                  ],
                },
              ],
            },
          },
        },
      },
    },
  },
  "400": errorResponse(
    'The body is not JSON / NDJSON at all: invalid JSON or UTF-8, not `{"events": [...]}`, an unknown ' +
      "top-level field, an empty body, or NDJSON without a single JSON line. Nothing is stored.",
    {
      unknownField: error("invalid_input", 'Expected {"events": [...]}; unknown field "sentAt".'),
      empty: error("invalid_input", "The body is empty; send events."),
    },
  ),
  "401": errorResponse("No `Authorization: Bearer <key>` header, or an unknown or revoked key.", {
    noKey: error("unauthenticated", "Send a workspace API key: Authorization: Bearer <key>."),
    unknownKey: error("unauthenticated", "The API key is missing, unknown or revoked."),
  }),
  "403": errorResponse("A valid key without the `ingest` scope.", {
    noScope: error("forbidden", 'This API key lacks the "ingest" scope.'),
  }),
  "413": errorResponse(
    `More than ${maxEvents} events, or a body over 1 MiB (by Content-Length, or counted while reading). Nothing is stored.`,
    {
      tooManyEvents: error("payload_too_large", `At most ${maxEvents} events per request; got 1,001.`),
      tooLarge: error(
        "payload_too_large",
        `The body exceeds ${MiB.toLocaleString("en")} bytes (1 MiB); send smaller batches.`,
      ),
    },
  ),
  "415": errorResponse(
    "A Content-Type other than application/json or application/x-ndjson, none at all, or a charset other than UTF-8.",
    {
      otherType: error(
        "unsupported_media_type",
        'Unsupported content type "text/plain": send application/json or application/x-ndjson.',
      ),
    },
  ),
  "429": {
    ...errorResponse("Over the rate limit of the API key (a token bucket per key).", {
      rateLimited: error("rate_limited", "Too many requests for this API key; retry in 1 s."),
    }),
    headers: {
      "Retry-After": {
        description: "Seconds to wait before the next request.",
        schema: { type: "integer", minimum: 1 },
      },
    },
  },
  "500": errorResponse("An unexpected error; details are logged on the server, never sent.", {
    internal: error("internal", "Something went wrong on our side."),
  }),
};

export const eventsOperation = {
  operationId: "ingestEvents",
  tags: ["Ingestion"],
  summary: "Send a batch of events",
  description:
    "Stores first-party events of the API key's workspace. Checks run in this order: key (401/403), " +
    "rate limit (429), content type (415), size (413), body (400), then each event. A request refused " +
    "with any of these stores nothing; a 200 names every rejected event by its index with every reason. " +
    "Idempotent per event: re-sending an event with a known id (or the same derived id) counts as a " +
    "duplicate and changes nothing.",
  security: [{ apiKey: ["ingest"] }],
  requestBody,
  responses,
};
