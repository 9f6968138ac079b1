import { z } from "zod";

import { isImportTarget, REQUIRED_IMPORT_FIELDS } from "@/lib/import/import-fields";

/** Largest file an import takes (UI upload and CLI). */
export const MAX_IMPORT_BYTES = 500 * 1024 * 1024;

export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export const DECIMAL_SEPARATORS = ["point", "comma"] as const;

export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

const mapping = z
  .array(
    z
      .string()
      .refine(isImportTarget, {
        error: (issue) =>
          `unknown field ${JSON.stringify(issue.input)}; use an event field, traits.<key> or properties.<key>`,
      })
      .nullable(),
    { error: "must list one field (or null to skip) per column" },
  )
  .max(500, "at most 500 columns")
  .superRefine((targets, ctx) => {
    const seen = new Set<string>();
    for (const target of targets) {
      if (target === null) continue;
      if (seen.has(target)) ctx.addIssue({ code: "custom", message: `${target} is mapped to two columns` });
      seen.add(target);
    }
    for (const field of REQUIRED_IMPORT_FIELDS) {
      if (!seen.has(field)) ctx.addIssue({ code: "custom", message: `map a column to ${field}` });
    }
  });

/** How to read a file: NDJSON needs nothing; CSV needs delimiter, number locale and mapping. */
export const importOptions = z.discriminatedUnion(
  "format",
  [
    z.strictObject({ format: z.literal("ndjson") }),
    z.strictObject({
      format: z.literal("csv"),
      delimiter: z.enum(CSV_DELIMITERS, { error: "must be one of , ; tab |" }),
      decimal: z.enum(DECIMAL_SEPARATORS, { error: 'must be "point" or "comma"' }),
      /** One target per column of the header row; omitted = match headers automatically. */
      mapping: mapping.optional(),
    }),
  ],
  { error: 'format must be "csv" or "ndjson"' },
);

export type ImportOptions = z.infer<typeof importOptions>;
export type CsvImportOptions = Extract<ImportOptions, { format: "csv" }>;

/** The file name shown in the history: a base name, no path. */
export const importFileName = z
  .string()
  .trim()
  .min(1, "name the file")
  .max(255, "at most 255 characters")
  .refine((name) => !/[\\/\0]/.test(name), "must be a file name without a path");

export const importBatchId = z.coerce.number().int().positive();

/** The options kept with a batch: the request's, plus the header row of a CSV file. */
export interface StoredImportOptions {
  format: "csv" | "ndjson";
  delimiter?: CsvDelimiter;
  decimal?: DecimalSeparator;
  header?: string[];
  mapping?: (string | null)[];
}
