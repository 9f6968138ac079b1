import { z } from "zod";

import { metricResponseEnvelope } from "@/lib/metrics/query";
import { apiErrorBody } from "@/lib/schemas/api-error";
import { eventAsSent, eventBatch } from "@/lib/schemas/ingest-request";
import { ingestResponse, rejectedEvent } from "@/lib/schemas/ingest-response";

import { EVENT_DESCRIPTION, EVENT_FIELD_DESCRIPTIONS, fieldRulesExtension } from "./event-docs";

export type JsonSchema = Record<string, unknown>;

/** Where each named schema lands in the document. */
export const schemaRef = (id: ComponentName) => ({ $ref: `#/components/schemas/${id}` });

type ComponentName = "Event" | "EventBatch" | "IngestResponse" | "RejectedEvent" | "Error" | "MetricResponse";

/**
 * The document's component schemas, converted by zod from the schemas the API validates
 * with. `io: "input"` describes what a client sends (before transforms); refinements that JSON
 * Schema cannot express are described in words instead. Anything zod cannot represent throws,
 * so a new field of an unrepresentable kind fails the tests rather than vanishing.
 */
export function buildComponentSchemas(): Record<ComponentName, JsonSchema> {
  const registry = z.registry<{ id?: string; description?: string }>();
  registry.add(eventAsSent, { id: "Event", description: EVENT_DESCRIPTION });
  for (const [name, description] of Object.entries(EVENT_FIELD_DESCRIPTIONS)) {
    registry.add(eventAsSent.shape[name], { description });
  }
  registry.add(eventBatch, {
    id: "EventBatch",
    description: "A JSON batch: exactly one field, `events`, holding at most 1,000 events.",
  });
  registry.add(rejectedEvent, {
    id: "RejectedEvent",
    description: 'A rejected event: its 0-based position in the batch and every reason, "<field>: <reason>".',
  });
  registry.add(ingestResponse, {
    id: "IngestResponse",
    description:
      "The outcome of a batch; accepted + duplicates + rejected.length is the number of events sent. " +
      "Every accepted event is committed when the response is sent.",
  });
  registry.add(apiErrorBody, { id: "Error", description: "The one error body of the API." });
  registry.add(metricResponseEnvelope, {
    id: "MetricResponse",
    description:
      "The body of every metric endpoint: what was asked, the result, and the comparison's result.",
  });

  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "throw",
    metadata: registry,
    uri: (id) => schemaRef(id as ComponentName).$ref,
  });
  const components = Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => [id, withoutSchemaKeywords(schema)]),
  ) as Record<ComponentName, JsonSchema>;
  components.Event["x-field-rules"] = fieldRulesExtension();
  return components;
}

/** OpenAPI names each schema by its place in the document: no `$schema` or `$id` inside it. */
function withoutSchemaKeywords(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}
