const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Tests create and drop databases freely, so they refuse any server that is not on this
 * machine, whatever DATABASE_URL or a misconfigured setup says.
 */
export function assertLocalDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("Refusing to run tests: the database URL cannot be parsed");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`Refusing to run tests: ${parsed.protocol} is not a PostgreSQL URL`);
  }
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Refusing to run tests against a non-local database host "${parsed.hostname}"`);
  }
  const socketHost = parsed.searchParams.get("host");
  if (socketHost !== null && !socketHost.startsWith("/")) {
    throw new Error(`Refusing to run tests against a non-local database host "${socketHost}"`);
  }
}
