import {
  IMPORT_FIELDS,
  isImportTarget,
  matchHeader,
  nestedTarget,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportTarget,
} from "@/lib/import/import-fields";

/** A few words on each field, shown in the mapping select. */
export const FIELD_HINTS: Record<ImportField, string> = {
  id: "event id, makes re-imports safe",
  type: "event type",
  customerId: "your customer key",
  timestamp: "when it happened",
  channel: "email, sms, push, …",
  messageId: "the message sent",
  campaignId: "campaign",
  messageKind: "promotional, lifecycle, transactional",
  topic: "one topic",
  topics: "topics, a|b|c",
  maxPerWeek: "stated contacts per week",
  value: "order value",
  currency: "ISO 4217, e.g. NOK",
};

const isRequired = (field: string) => (REQUIRED_IMPORT_FIELDS as readonly string[]).includes(field);

/** "customerId (required) — your customer key": the name first, so a narrow select still shows it. */
export function describeField(field: ImportField): string {
  return `${field}${isRequired(field) ? " (required)" : ""} — ${FIELD_HINTS[field]}`;
}

/**
 * The nested targets a column can fill besides the event fields: `traits.<key>` and
 * `properties.<key>`, with the key the header suggests (`traits.country` → country, `Note` →
 * Note), and whatever nested target is chosen now.
 */
export function nestedTargetsFor(header: string, current: ImportTarget | null): ImportTarget[] {
  const matched = matchHeader(header);
  const nested = matched ? nestedTarget(matched) : null;
  const key = nested ? nested.key : header.trim().replace(/\s+/g, "_").slice(0, 64);
  const candidates = [matched, current, `traits.${key}`, `properties.${key}`].filter(
    (target): target is string => target !== null && !(IMPORT_FIELDS as readonly string[]).includes(target),
  );
  return [...new Set(candidates)].filter(isImportTarget);
}

export interface MappingProblems {
  /** Problems that stop the import: every one names the field and the columns. */
  blocking: string[];
  /** Targets chosen for more than one column (their selects are marked). */
  duplicated: Set<string>;
}

const quoteList = (names: string[]) => names.map((name) => `“${name}”`).join(" and ");

/** Why a mapping cannot be imported: a required field without a column, or a field chosen twice. */
export function findMappingProblems(
  header: readonly string[],
  mapping: readonly (ImportTarget | null)[],
): MappingProblems {
  const columns = new Map<string, string[]>();
  mapping.forEach((target, index) => {
    if (target !== null)
      columns.set(target, [...(columns.get(target) ?? []), header[index] || `column ${index + 1}`]);
  });
  const blocking: string[] = [];
  const duplicated = new Set<string>();
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!columns.has(field)) {
      blocking.push(
        `No column is imported as ${field}. Every event needs ${REQUIRED_IMPORT_FIELDS.join(", ")}: choose the column that holds it.`,
      );
    }
  }
  for (const [target, names] of columns) {
    if (names.length < 2) continue;
    duplicated.add(target);
    blocking.push(
      `${target} is chosen for ${names.length} columns, ${quoteList(names)}. Keep it for one and skip the others.`,
    );
  }
  return { blocking, duplicated };
}
