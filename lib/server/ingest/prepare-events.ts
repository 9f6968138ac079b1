import "server-only";

import { validateEvent } from "@/lib/schemas/event";

import { eventKey } from "./event-key";
import type { KeyedEvent } from "./keyed-event";

export interface RejectedEvent {
  /** Position of the event in the batch (0-based). */
  index: number;
  /** Every reason, each `"<field>: <reason>"`. */
  errors: string[];
}

export interface PreparedEvents {
  /** Valid events with their keys, each key once (the first in the batch wins). */
  events: KeyedEvent[];
  /** Positions of `events` in the batch. */
  indexes: number[];
  rejected: RejectedEvent[];
  /** Valid events whose key came earlier in the same batch. */
  repeated: number;
}

/**
 * Validates a batch of raw events with the one event schema and keys the valid ones. `prior`
 * adds reasons found before validation (a CSV cell that is not a number in the file's locale):
 * an event with such a reason is rejected with it and with every schema reason.
 */
export function prepareEvents(
  rawEvents: readonly unknown[],
  prior?: readonly (readonly string[] | undefined)[],
): PreparedEvents {
  const prepared: PreparedEvents = { events: [], indexes: [], rejected: [], repeated: 0 };
  const keys = new Set<string>();
  for (const [index, raw] of rawEvents.entries()) {
    const result = validateEvent(raw);
    const before = prior?.[index];
    if (!result.ok || (before && before.length > 0)) {
      const errors = [...(before ?? []), ...(result.ok ? [] : result.errors)];
      prepared.rejected.push({ index, errors: [...new Set(errors)] });
      continue;
    }
    const key = eventKey(result.event);
    if (keys.has(key)) {
      prepared.repeated++;
      continue;
    }
    keys.add(key);
    // The validated event is a fresh object of the schema's: keyed in place rather than copied.
    prepared.events.push(Object.assign(result.event, { key }));
    prepared.indexes.push(index);
  }
  return prepared;
}
