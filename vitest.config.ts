import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// Integration tests (`*.db.test.ts`) run once per database: embedded PGlite and a
// throwaway PostgreSQL 15 cluster. Every other `*.test.ts` is a unit test and runs once.
// See tests/README.md.
const dbTests = ["tests/**/*.db.test.ts", "lib/**/*.db.test.ts"];
const excluded = ["node_modules/**", ".next/**", "e2e/**", "lib/generated/**"];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Next resolves `server-only` to its empty module on the server; so do tests.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    hookTimeout: 60_000,
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
          exclude: [...excluded, ...dbTests],
        },
      },
      {
        extends: true,
        test: {
          name: "pglite",
          include: dbTests,
          exclude: excluded,
          provide: { databaseKind: "pglite" },
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: dbTests,
          exclude: excluded,
          provide: { databaseKind: "postgres" },
          globalSetup: ["tests/setup/postgres-cluster.ts"],
        },
      },
    ],
  },
});
