/**
 * Checks on parsed JSON that must hold at any depth without recursion: JSON.parse builds
 * values nested far deeper than a recursive walk (or JSON.stringify) survives, so hostile
 * input can never turn a validation into a stack overflow.
 */

/** NUL, or a UTF-16 surrogate without its pair: JSON escapes allow both, PostgreSQL text and jsonb store neither. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** The message for a field holding such text. */
export const UNSTORABLE_TEXT_MESSAGE = "contains a NUL character or an unpaired UTF-16 surrogate";

/** How deep arrays and objects nest in `value` (a scalar is 0), counting no further than `limit + 1`. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== "object" || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** Whether every string in a JSON value, object keys included, can be stored. */
export function hasOnlyStorableText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === "string") {
      if (!isStorableText(current)) return false;
    } else if (typeof current === "object" && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        if (!isStorableText(key)) return false;
        pending.push(child);
      }
    }
  }
  return true;
}
