/** A value of an entry's details in a few words: lists joined, from/to pairs as "a → b". */
function describe(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(describe).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 2 && "from" in record && "to" in record) {
      return `${describe(record.from)} → ${describe(record.to)}`;
    }
    return keys.map((key) => `${key} ${describe(record[key])}`).join(", ");
  }
  return String(value);
}

/**
 * An audit entry's details in one line, e.g. `email: a@example.com; analyst → manager` or
 * `changes: frequencyCap 3 → 4`; empty when there are none. Keys stay as stored (they are
 * the field names of docs/security.md).
 */
export function summariseDetails(details: unknown, maxLength = 160): string {
  if (details === null || details === undefined) return "";
  let text = describe(details);
  if (typeof details === "object" && !Array.isArray(details)) {
    const { from, to, apiKeyId: _key, ...rest } = details as Record<string, unknown>;
    const parts = Object.entries(rest).map(([key, value]) => `${key}: ${describe(value)}`);
    if (from !== undefined || to !== undefined) parts.push(`${describe(from)} → ${describe(to)}`);
    text = parts.join("; ");
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
