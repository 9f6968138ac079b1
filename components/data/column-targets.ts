import { localeTag } from "@/lib/format";
import {
  IMPORT_FIELDS,
  isImportTarget,
  matchHeader,
  nestedTarget,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportTarget,
} from "@/lib/import/import-fields";

import type { DataT } from "./data-t";

const isRequired = (field: string) => (REQUIRED_IMPORT_FIELDS as readonly string[]).includes(field);

/**
 * "customerId (required) — your customer key": the name first, so a narrow select still shows
 * it, then a few words on the field.
 */
export function describeField(field: ImportField, t: DataT): string {
  const values = { field, hint: t(`fields.${field}`) };
  return isRequired(field) ? t("mapping.requiredField", values) : t("mapping.field", values);
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

/** Why a mapping cannot be imported: a required field without a column, or a field chosen twice. */
export function findMappingProblems(
  header: readonly string[],
  mapping: readonly (ImportTarget | null)[],
  t: DataT,
  locale: string,
): MappingProblems {
  const quoteList = (names: string[]) =>
    new Intl.ListFormat(localeTag(locale), { type: "conjunction" }).format(
      names.map((name) => t("mapping.quoted", { name })),
    );
  const columns = new Map<string, string[]>();
  mapping.forEach((target, index) => {
    if (target !== null) {
      const name = header[index] || t("mapping.columnNumber", { number: index + 1 });
      columns.set(target, [...(columns.get(target) ?? []), name]);
    }
  });
  const blocking: string[] = [];
  const duplicated = new Set<string>();
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!columns.has(field)) {
      blocking.push(t("mapping.missingField", { field, required: REQUIRED_IMPORT_FIELDS.join(", ") }));
    }
  }
  for (const [target, names] of columns) {
    if (names.length < 2) continue;
    duplicated.add(target);
    blocking.push(t("mapping.chosenTwice", { target, count: names.length, names: quoteList(names) }));
  }
  return { blocking, duplicated };
}
