import Ajv from "ajv";

import { buildOpenApiDocument } from "@/lib/openapi/build-openapi";

/** The generated document, and Ajv validators for its component schemas (tests only). */

export type Json = Record<string, unknown>;

export const doc = buildOpenApiDocument();

/**
 * The installed Ajv speaks JSON Schema draft-07, the generated schemas 2020-12. That is sound
 * only while the schemas use keywords that mean the same in both, which this walker checks
 * (the document's tests call it on every component schema).
 */
const SHARED_KEYWORDS = new Set([
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "items",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "anyOf",
  "$ref",
  "description",
]);

export function keywordsOutsideDraft07(schema: unknown, path = "#"): string[] {
  if (typeof schema !== "object" || schema === null) return [];
  const node = schema as Json;
  const problems: string[] = [];
  for (const key of Object.keys(node)) {
    if (!SHARED_KEYWORDS.has(key) && !key.startsWith("x-")) problems.push(`${path}/${key}`);
  }
  if (node.$ref !== undefined && Object.keys(node).some((key) => key !== "$ref" && key !== "description"))
    problems.push(`${path} has keywords beside $ref (draft-07 ignores them)`);
  if (node.items !== undefined && (Array.isArray(node.items) || typeof node.items !== "object"))
    problems.push(`${path}/items is not one schema`);
  const children: [string, unknown][] = [
    ...Object.entries((node.properties as Json | undefined) ?? {}).map(
      ([name, child]) => [`${path}/properties/${name}`, child] as [string, unknown],
    ),
    [`${path}/additionalProperties`, node.additionalProperties],
    [`${path}/propertyNames`, node.propertyNames],
    [`${path}/items`, node.items],
    ...((node.anyOf as unknown[] | undefined) ?? []).map(
      (child, i) => [`${path}/anyOf/${i}`, child] as [string, unknown],
    ),
  ];
  for (const [childPath, child] of children) problems.push(...keywordsOutsideDraft07(child, childPath));
  return problems;
}

const ajv = new Ajv({ allErrors: true });
ajv.addSchema({ $id: "openapi.json", components: doc.components }, "openapi.json");

/** An Ajv validator of one component schema, its `$ref`s resolved within the document. */
export const validator = (name: string) => ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` });
