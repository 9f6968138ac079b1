import "server-only";

import fs from "node:fs";

import type { ImportBatch, PrismaClient } from "@/lib/generated/prisma/client";
import { autoMapColumns, REQUIRED_IMPORT_FIELDS } from "@/lib/import/import-fields";
import {
  importOptions,
  MAX_IMPORT_BYTES,
  type ImportOptions,
  type StoredImportOptions,
} from "@/lib/schemas/import";
import { AppError } from "@/lib/server/errors";

import { dataStart, readCsvHeader } from "./read-csv";

export interface NewImport {
  workspaceId: number;
  fileName: string;
  /** The file to read, already on disk (an upload, or the CLI user's own file). */
  filePath: string;
  options: ImportOptions;
  createdById?: string | null;
}

const formatBytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Queues an import of a file on disk. For CSV it reads the header row, checks the column
 * mapping against it (or matches headers automatically) and sets the checkpoint past it, so
 * a bad mapping is refused before any row is read. Nothing is stored when it is refused.
 */
export async function createImport(prisma: PrismaClient, input: NewImport): Promise<ImportBatch> {
  const parsed = importOptions.safeParse(input.options);
  if (!parsed.success) {
    throw new AppError("invalid_input", parsed.error.issues.map((issue) => issue.message).join("; "));
  }
  const options = parsed.data;
  const { size } = await fs.promises.stat(input.filePath);
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError(
      "payload_too_large",
      `The file is ${formatBytes(size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`,
    );
  }
  if (size === 0) throw new AppError("invalid_input", "The file is empty.");

  let stored: StoredImportOptions = { format: "ndjson" };
  let checkpoint = { bytes: await dataStart(input.filePath), lines: 0 };
  if (options.format === "csv") {
    const { header, end } = await readCsvHeader(input.filePath, options.delimiter).catch((error: Error) => {
      throw new AppError("invalid_input", `The header row cannot be read: ${error.message}`);
    });
    const mapping = options.mapping ?? autoMapColumns(header);
    if (mapping.length !== header.length) {
      throw new AppError(
        "invalid_input",
        `The mapping names ${mapping.length} columns; the file's header has ${header.length} (${header.join(", ")}).`,
      );
    }
    const missing = REQUIRED_IMPORT_FIELDS.filter((field) => !mapping.includes(field));
    if (missing.length > 0) {
      throw new AppError(
        "invalid_input",
        `No column is mapped to ${missing.join(", ")}. The header has: ${header.join(", ")}. ` +
          `Check the delimiter ("${options.delimiter === "\t" ? "tab" : options.delimiter}") and the mapping.`,
      );
    }
    stored = { format: "csv", delimiter: options.delimiter, decimal: options.decimal, header, mapping };
    checkpoint = end;
  }

  return prisma.importBatch.create({
    data: {
      workspaceId: input.workspaceId,
      fileName: input.fileName,
      format: options.format,
      options: stored as object,
      filePath: input.filePath,
      totalBytes: size,
      bytesDone: checkpoint.bytes,
      linesDone: checkpoint.lines,
      createdById: input.createdById ?? null,
    },
  });
}
