/**
 * Runs once when the server starts: stops it with a clear message when a production server has
 * no usable AUTH_SECRET; then starts the background import worker, which also resumes
 * imports that a stopped or killed server left unfinished, the refresher that keeps the
 * metrics' contact facts current after new events (and, once a workspace's data settles,
 * recomputes its Loyalty page), and the daily retention job.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnMissingAuthSecret } = await import("@/lib/server/auth/auth-secret");
  exitOnMissingAuthSecret();
  const { startImportRunner } = await import("@/lib/server/import/import-runner");
  const { REFRESH_PACE, startContactFactRefresher } =
    await import("@/lib/server/metrics/facts/contact-fact-refresher");
  const { scheduleLoyaltyWarmup } = await import("@/lib/server/dashboard/loyalty-warmup");
  const { startRetentionScheduler } = await import("@/lib/server/retention/retention-scheduler");
  const { getDb, getPrisma } = await import("@/lib/server/db");
  startImportRunner(getDb);
  startContactFactRefresher(getPrisma, REFRESH_PACE, (workspaceId) =>
    scheduleLoyaltyWarmup(getPrisma, workspaceId),
  );
  startRetentionScheduler(getDb);
}
