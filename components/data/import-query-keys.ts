/**
 * TanStack Query keys of the Data page, built in one place so a mutation invalidates exactly
 * what it changed: `importKeys.all(slug)` covers every import query of a workspace.
 */
export const importKeys = {
  all: (slug: string) => ["workspaces", slug, "imports"] as const,
  list: (slug: string) => [...importKeys.all(slug), "list"] as const,
};
