/**
 * Runs once when the server starts: stops it with a clear message when a production server has
 * no usable AUTH_SECRET; then starts the background import worker, which also resumes
 * imports that a stopped or killed server left unfinished, the refresher that keeps the
 * metrics' contact facts current after new events, and the daily retention job.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnMissingAuthSecret } = await import("@/lib/server/auth/auth-secret");
  exitOnMissingAuthSecret();
  const { startImportRunner } = await import("@/lib/server/import/import-runner");
  const { startContactFactRefresher } = await import("@/lib/server/metrics/facts/contact-fact-refresher");
  const { startRetentionScheduler } = await import("@/lib/server/retention/retention-scheduler");
  const { getDb, getPrisma } = await import("@/lib/server/db");
  startImportRunner(getDb);
  startContactFactRefresher(getPrisma);
  startRetentionScheduler(getDb);
}
