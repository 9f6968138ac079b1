import type { ImportView } from "@/lib/import/import-view";

import type { DataT } from "./data-t";

/** The base URL of a workspace's imports (session-authenticated, for the Data page). */
export const importsUrl = (slug: string) => `/api/workspaces/${encodeURIComponent(slug)}/imports`;

/** Where the error report (CSV: line, errors) of one import is downloaded. */
export const errorReportUrl = (slug: string, id: number) => `${importsUrl(slug)}/${id}/errors`;

/** The message of an `{ error: { code, message } }` body, or a plain sentence for the status. */
export function errorMessageOf(status: number, body: unknown, t: DataT): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === "string" && message !== "") return message;
  if (status === 401) return t("sending.sessionEnded");
  if (status === 403) return t("sending.forbidden");
  return t("sending.serverAnswered", { status });
}

// GET /api/workspaces/:workspace/imports — the history, newest first
export async function fetchImports(
  slug: string,
  t: DataT,
  signal?: AbortSignal,
): Promise<{ imports: ImportView[] }> {
  const response = await fetch(importsUrl(slug), {
    signal,
    cache: "no-store",
    headers: { Accept: "application/json" },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(errorMessageOf(response.status, body, t));
  return body as { imports: ImportView[] };
}
