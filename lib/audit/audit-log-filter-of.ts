import { type AuditLogFilter, auditLogFilter } from "@/lib/schemas/audit";

/**
 * The filter the URL asks for, each value checked on its own: a malformed one is dropped
 * (the log shows unfiltered on it) rather than failing the page.
 */
export function auditLogFilterOf(params: {
  action: string | null;
  user: string | null;
  from: string | null;
  to: string | null;
}): AuditLogFilter {
  const filter: AuditLogFilter = {};
  for (const key of ["action", "user", "from", "to"] as const) {
    const value = params[key];
    if (value === null) continue;
    const parsed = auditLogFilter.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filter[key] = parsed.data;
  }
  return filter;
}

/** The export's URL for a filter: the same parameters the page's URL uses. */
export function auditLogExportHref(slug: string, filter: AuditLogFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, value);
  const query = params.toString();
  return `/api/workspaces/${slug}/audit-log${query ? `?${query}` : ""}`;
}
