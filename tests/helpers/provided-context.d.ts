import "vitest";

// Values the vitest config and global setup hand to test files through `inject()`.
declare module "vitest" {
  export interface ProvidedContext {
    /** Which database the current project runs integration tests against. */
    databaseKind: "pglite" | "postgres";
    /** Superuser URL of the throwaway PostgreSQL cluster (postgres project only). */
    postgresAdminUrl: string;
  }
}
