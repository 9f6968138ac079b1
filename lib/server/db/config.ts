import path from "node:path";

/** Where the data lives: a PostgreSQL server, or embedded PGlite (on disk or in memory). */
export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

/**
 * Reads the target from the environment: `DATABASE_URL=postgresql://…` selects PostgreSQL;
 * without it Resonans runs on embedded PGlite under `RESONANS_DATA_DIR` (default `./.data/pglite`).
 * `DATABASE_URL=pglite:memory` gives a throwaway in-memory database.
 */
export function databaseTargetFromEnv(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (url === "pglite:memory") return { kind: "pglite", dataDir: null };
    if (url.startsWith("pglite:"))
      return {
        kind: "pglite",
        dataDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), url.slice(7)),
      };
    if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
    throw new Error(
      `DATABASE_URL must start with postgresql:// (or be unset for the embedded database); got "${url.split(":")[0]}:…"`,
    );
  }
  return {
    kind: "pglite",
    dataDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), env.RESONANS_DATA_DIR ?? ".data/pglite"),
  };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${new URL(target.url).host}`;
  return target.dataDir ? `embedded PGlite in ${target.dataDir}` : "embedded PGlite in memory";
}
