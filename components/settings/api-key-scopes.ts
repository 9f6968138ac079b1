import type { API_KEY_SCOPES } from "@/lib/schemas/admin";

type Scope = (typeof API_KEY_SCOPES)[number];

/** What each scope lets a key do (lib/server/auth/guard.ts grants the matching permissions). */
export const SCOPE_TEXT: Record<Scope, { does: string; detail: string }> = {
  ingest: { does: "send events", detail: "Send events to the batch API, POST /api/v1/events." },
  read: { does: "read aggregate numbers", detail: "Read dashboards and export aggregate numbers." },
};

/** "send events and read aggregate numbers" */
export function describeScopes(scopes: readonly string[]): string {
  return scopes.map((scope) => SCOPE_TEXT[scope as Scope]?.does ?? scope).join(" and ");
}
