"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";

import { autoMapColumns, type ImportTarget } from "@/lib/import/import-fields";
import {
  MAX_IMPORT_BYTES,
  type CsvDelimiter,
  type DecimalSeparator,
  type ImportOptions,
} from "@/lib/schemas/import";

import { findMappingProblems } from "./column-targets";
import { checkSampleRows, parseCsvPreview } from "./csv-preview";
import { formatBytes } from "./import-format";
import { parseNdjsonPreview } from "./ndjson-preview";

export type ImportFormat = ImportOptions["format"];

/** The file the user chose, and what is known of it so far. */
export interface ChosenFile {
  file: File;
  format: ImportFormat;
  /** The format the file name suggests. */
  suggested: ImportFormat;
  /** The first 64 KB as text; null while it is read. */
  head: string | null;
  readError: string | null;
}

/** How a CSV file is read: the delimiter (and the one detected) and the number locale. */
export interface CsvDialect {
  delimiter: CsvDelimiter;
  detected: CsvDelimiter;
  decimal: DecimalSeparator;
}

/** The user's own column choices, for the header they were made for. */
export interface EditedMapping {
  key: string;
  mapping: (ImportTarget | null)[];
}

const LIMIT_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/**
 * Everything the preview derives from the chosen file: the parsed CSV head or NDJSON lines,
 * the column mapping (automatic until the user changes it, and again when the header
 * changes), its problems, the sample rows checked against the event schema, and every
 * reason the import cannot start yet.
 */
export function useImportPreview(
  chosen: ChosenFile | null,
  dialect: CsvDialect,
  edited: EditedMapping | null,
  locale: string,
) {
  const t = useTranslations("data");
  const csvPreview = useMemo(
    () =>
      chosen?.format === "csv" && chosen.head !== null
        ? parseCsvPreview(chosen.head, dialect.delimiter)
        : null,
    [chosen, dialect.delimiter],
  );
  const ndjsonPreview = useMemo(
    () => (chosen?.format === "ndjson" && chosen.head !== null ? parseNdjsonPreview(chosen.head) : null),
    [chosen],
  );
  // The mapping follows the header: a new file or delimiter starts again from the automatic one.
  const headerKey = csvPreview ? `${dialect.delimiter}\u0000${csvPreview.header.join("\u0000")}` : "";
  const mapping = useMemo(
    () => (edited?.key === headerKey ? edited.mapping : autoMapColumns(csvPreview?.header ?? [])),
    [edited, headerKey, csvPreview],
  );
  const problems = useMemo(
    () => findMappingProblems(csvPreview?.header ?? [], mapping, t, locale),
    [csvPreview, mapping, t, locale],
  );
  const sampleChecks = useMemo(
    () =>
      csvPreview && problems.blocking.length === 0
        ? checkSampleRows(csvPreview.rows, mapping, dialect.decimal)
        : null,
    [csvPreview, problems, mapping, dialect.decimal],
  );

  const blockers: string[] = [];
  if (chosen) {
    const { file } = chosen;
    if (file.size > MAX_IMPORT_BYTES) {
      blockers.push(
        t("upload.tooLarge", { name: file.name, size: formatBytes(file.size, locale), limit: LIMIT_MB }),
      );
    } else if (file.size === 0) blockers.push(t("upload.empty", { name: file.name }));
    else if (chosen.readError) blockers.push(chosen.readError);
    else if (csvPreview && csvPreview.header.length === 0) blockers.push(t("upload.noHeader"));
    else if (csvPreview) blockers.push(...problems.blocking);
  }
  const reading = chosen !== null && chosen.head === null && blockers.length === 0;

  return { csvPreview, ndjsonPreview, headerKey, mapping, problems, sampleChecks, blockers, reading };
}
