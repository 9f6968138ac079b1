import "server-only";

import { autoMapColumns, isImportTarget, type ImportTarget } from "@/lib/import/import-fields";
import type { StoredImportOptions } from "@/lib/schemas/import";

import type { ImportRow, ReadFrom } from "./import-row";
import { readCsv } from "./read-csv";
import { readNdjson } from "./read-ndjson";

/** The rows of a batch's file from its checkpoint, by its stored options. */
export function readBatchRows(
  filePath: string,
  options: StoredImportOptions,
  from: ReadFrom,
): AsyncGenerator<ImportRow> {
  if (options.format === "ndjson") return readNdjson(filePath, from);
  const header = options.header ?? [];
  const mapping = (options.mapping ?? autoMapColumns(header)).map((target) =>
    target !== null && isImportTarget(target) ? (target as ImportTarget) : null,
  );
  return readCsv(filePath, from, {
    delimiter: options.delimiter ?? ",",
    decimal: options.decimal ?? "point",
    mapping,
  });
}
