import "server-only";

import { createHash } from "node:crypto";

import type { ValidEvent } from "@/lib/schemas/event";

/** Prefix of derived keys, so they cannot be mistaken for the ids clients send. */
export const DERIVED_KEY_PREFIX = "sha256:";

/**
 * The idempotency key of an event (EVENTS.md): its own `id`, or `sha256:` and the SHA-256
 * (hex) of the JSON array [type, customerId, timestamp as UTC ms, channel, messageId, topic,
 * value], absent fields as null, after normalisation (docs/api.md).
 */
export function eventKey(event: ValidEvent): string {
  if (event.id !== null) return event.id;
  const content = JSON.stringify([
    event.type,
    event.customerId,
    event.timestamp.getTime(),
    event.channel,
    event.messageId,
    event.topic,
    event.value,
  ]);
  return DERIVED_KEY_PREFIX + createHash("sha256").update(content).digest("hex");
}
