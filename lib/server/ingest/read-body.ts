import "server-only";

import { EVENT_LIMITS, UnparsedEvent } from "@/lib/schemas/event";
import { AppError } from "@/lib/server/errors";

const JSON_TYPE = "application/json";
const NDJSON_TYPES = ["application/x-ndjson", "application/ndjson"];

const tooLarge = (message: string) => new AppError("payload_too_large", message);
const badBody = (message: string) => new AppError("invalid_input", message, 400);

/**
 * Reads an ingestion request body into raw events: `application/json` as `{"events": [...]}`,
 * `application/x-ndjson` as one event per line (blank lines skipped; a line that is not JSON
 * becomes an UnparsedEvent, rejected with its index). Throws AppError 415 for other content
 * types, 413 over 1 MiB or 1,000 events, 400 for a body that is not JSON / NDJSON at all.
 */
export async function readIngestBody(request: Request): Promise<unknown[]> {
  const format = bodyFormat(request.headers.get("content-type"));
  const text = await readText(request, EVENT_LIMITS.maxRequestBytes);
  if (text.trim() === "") throw badBody("The body is empty; send events.");
  const events = format === "json" ? parseJsonBody(text) : parseNdjsonBody(text);
  if (events.length > EVENT_LIMITS.maxEventsPerRequest) {
    throw tooLarge(
      `At most ${EVENT_LIMITS.maxEventsPerRequest.toLocaleString("en")} events per request; got ${events.length.toLocaleString("en")}.`,
    );
  }
  return events;
}

function bodyFormat(contentType: string | null): "json" | "ndjson" {
  const [mediaType, ...parameters] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((parameter) => parameter.startsWith("charset="))
    ?.slice(8)
    .replace(/"/g, "");
  const supported = `send ${JSON_TYPE} or ${NDJSON_TYPES[0]}`;
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    throw new AppError("unsupported_media_type", `Unsupported charset "${charset}": ${supported} in UTF-8.`);
  }
  if (mediaType === JSON_TYPE) return "json";
  if (NDJSON_TYPES.includes(mediaType)) return "ndjson";
  throw new AppError(
    "unsupported_media_type",
    mediaType ? `Unsupported content type "${mediaType}": ${supported}.` : `No Content-Type: ${supported}.`,
  );
}

/** The body as UTF-8 text, refusing more than `limit` bytes (by Content-Length and while reading). */
async function readText(request: Request, limit: number): Promise<string> {
  const tooBig = () =>
    tooLarge(`The body exceeds ${limit.toLocaleString("en")} bytes (1 MiB); send smaller batches.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooBig();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, size));
  } catch {
    throw badBody("The body is not valid UTF-8.");
  }
}

function parseJsonBody(text: string): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badBody(`The body is not valid JSON: ${(error as Error).message}`);
  }
  const shape = 'Expected {"events": [...]}';
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badBody(`${shape}.`);
  const extra = Object.keys(body).filter((key) => key !== "events");
  if (extra.length > 0)
    throw badBody(`${shape}; unknown field ${extra.map((key) => `"${key}"`).join(", ")}.`);
  const { events } = body as { events?: unknown };
  if (!Array.isArray(events)) throw badBody(`${shape}; "events" must be an array.`);
  return events;
}

function parseNdjsonBody(text: string): unknown[] {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (lines.length > EVENT_LIMITS.maxEventsPerRequest) return lines; // refused by the caller
  let parsed = 0;
  const events = lines.map((line) => {
    try {
      const value: unknown = JSON.parse(line);
      parsed++;
      return value;
    } catch (error) {
      return new UnparsedEvent((error as Error).message);
    }
  });
  if (parsed === 0) throw badBody("The body is not NDJSON: no line is a JSON value.");
  return events;
}
