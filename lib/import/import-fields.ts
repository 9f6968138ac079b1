/**
 * The fields a CSV column can fill (EVENTS.md): every top-level field of an event, plus
 * `traits.<key>` and `properties.<key>`. Shared by the column-mapping preview in the browser
 * and the import on the server, so both match headers the same way.
 */
export const IMPORT_FIELDS = [
  "id",
  "type",
  "customerId",
  "timestamp",
  "channel",
  "messageId",
  "campaignId",
  "messageKind",
  "topic",
  "topics",
  "maxPerWeek",
  "value",
  "currency",
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The fields a CSV file must map, or no row could be valid. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ["type", "customerId", "timestamp"];

/** A nested target: `traits.country`, `properties.subject`. */
const NESTED = /^(traits|properties)\.([^.\s][^\s]{0,63})$/;

/** A mapping target: a field name, or `traits.<key>` / `properties.<key>`. */
export type ImportTarget = ImportField | `traits.${string}` | `properties.${string}`;

export function isImportTarget(value: string): value is ImportTarget {
  return (IMPORT_FIELDS as readonly string[]).includes(value) || NESTED.test(value);
}

export function nestedTarget(target: ImportTarget): { object: "traits" | "properties"; key: string } | null {
  const match = NESTED.exec(target);
  return match ? { object: match[1] as "traits" | "properties", key: match[2] } : null;
}

/** Header spellings other than the field name itself, compared after `normalise`. */
const ALIASES: Record<string, ImportField> = {
  eventid: "id",
  eventkey: "id",
  eventtype: "type",
  event: "type",
  customer: "customerId",
  customerkey: "customerId",
  userid: "customerId",
  time: "timestamp",
  ts: "timestamp",
  occurredat: "timestamp",
  eventtime: "timestamp",
  message: "messageId",
  campaign: "campaignId",
  kind: "messageKind",
  topiclist: "topics",
  maxperweek: "maxPerWeek",
  amount: "value",
  ordervalue: "value",
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Matches one header to a target: the field name in any case, with or without `_`, `-` or
 * spaces (`customer_id`, `Customer ID`), a few common aliases, and `traits.*` / `properties.*`
 * (also written `trait.*`, `property.*` or `traits_*`). Returns null when nothing fits.
 */
export function matchHeader(header: string): ImportTarget | null {
  const trimmed = header.trim();
  const nested = /^(traits?|propert(?:y|ies))[._](.+)$/i.exec(trimmed);
  if (nested) {
    const object = nested[1].toLowerCase().startsWith("trait") ? "traits" : "properties";
    const target = `${object}.${nested[2]}`;
    return isImportTarget(target) ? (target as ImportTarget) : null;
  }
  const key = normalise(trimmed);
  const field = IMPORT_FIELDS.find((name) => normalise(name) === key) ?? ALIASES[key];
  return field ?? null;
}

/** The automatic mapping of a header row: each column's target, or null; no target twice. */
export function autoMapColumns(header: readonly string[]): (ImportTarget | null)[] {
  const taken = new Set<string>();
  return header.map((name) => {
    const target = matchHeader(name);
    if (!target || taken.has(target)) return null;
    taken.add(target);
    return target;
  });
}
