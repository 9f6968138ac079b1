import { expect } from "vitest";

import type { RefEvent } from "./reference/events";

/**
 * Deep equality of an engine result with the reference's: whole numbers exactly, other numbers
 * to 9 digits (the database and TypeScript may round a division differently in the last bit).
 */
export function expectClose(actual: unknown, expected: unknown, path = "result"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isInteger(expected) && Number.isInteger(actual)) expect(actual, path).toBe(expected);
    else expect(actual, path).toBeCloseTo(expected, 9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((item, i) => expectClose((actual as unknown[])[i], item, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    expect(typeof actual, path).toBe("object");
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

/** Customers whose latest customer_updated says country DK: the segment the equivalence tests use. */
export function danishCustomers(events: readonly RefEvent[]): Set<string> {
  const latest = new Map<string, RefEvent>();
  for (const e of events) {
    if (e.type !== "customer_updated") continue;
    const known = latest.get(e.customerId);
    if (!known || e.ts >= known.ts) latest.set(e.customerId, e);
  }
  return new Set([...latest].filter(([, e]) => e.traits?.country === "DK").map(([id]) => id));
}
