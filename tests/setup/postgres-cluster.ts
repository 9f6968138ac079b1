// Global setup of the "postgres" project: one throwaway PostgreSQL cluster per test run.
import type { TestProject } from "vitest/node";

import { startCluster } from "../../scripts/lib/postgres-cluster";
import { assertLocalDatabaseUrl } from "../helpers/local-database-guard";

// Fast and unsafe on purpose: a throwaway cluster. Its own time zone far from UTC proves the
// sessions are pinned to UTC.
const SETTINGS = {
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  TimeZone: "Pacific/Chatham",
};

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster({ settings: SETTINGS });
  assertLocalDatabaseUrl(cluster.url);
  project.provide("postgresAdminUrl", cluster.url);
  return () => cluster.stop();
}
