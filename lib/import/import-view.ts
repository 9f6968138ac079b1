/** An import as the Data page and the CLI show it (dates as ISO strings, sizes as numbers). */
export interface ImportView {
  id: number;
  fileName: string;
  format: "csv" | "ndjson";
  status: "queued" | "running" | "cancelled" | "completed" | "failed";
  totalBytes: number;
  bytesDone: number;
  rowsDone: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  eventsDeletedAt: string | null;
  /** CSV only: the delimiter, the number locale, and each header's target. */
  csv: {
    delimiter: string;
    decimal: "point" | "comma";
    columns: { header: string; target: string | null }[];
  } | null;
}

/** Whether an import may still change (the page keeps polling while one does). */
export const isActiveImport = (view: Pick<ImportView, "status">) =>
  view.status === "queued" || view.status === "running";
