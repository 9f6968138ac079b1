import "server-only";

import type { ImportBatch } from "@/lib/generated/prisma/client";
import type { ImportView } from "@/lib/import/import-view";
import type { StoredImportOptions } from "@/lib/schemas/import";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toImportView(
  batch: ImportBatch & { createdBy?: { name: string | null; email: string } | null },
): ImportView {
  const options = batch.options as unknown as StoredImportOptions;
  return {
    id: batch.id,
    fileName: batch.fileName,
    format: batch.format,
    status: batch.status,
    totalBytes: Number(batch.totalBytes),
    bytesDone: Number(batch.bytesDone),
    rowsDone: batch.rowsDone,
    accepted: batch.accepted,
    duplicates: batch.duplicates,
    rejected: batch.rejected,
    error: batch.error,
    createdBy: batch.createdBy ? (batch.createdBy.name ?? batch.createdBy.email) : null,
    createdAt: batch.createdAt.toISOString(),
    startedAt: iso(batch.startedAt),
    finishedAt: iso(batch.finishedAt),
    eventsDeletedAt: iso(batch.eventsDeletedAt),
    csv:
      options.format === "csv"
        ? {
            delimiter: options.delimiter ?? ",",
            decimal: options.decimal ?? "point",
            columns: (options.header ?? []).map((header, index) => ({
              header,
              target: options.mapping?.[index] ?? null,
            })),
          }
        : null,
  };
}
