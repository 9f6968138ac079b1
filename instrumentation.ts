/**
 * Runs once when the server starts: starts the background import worker, which also resumes
 * imports that a stopped or killed server left unfinished, and the refresher that keeps the
 * metrics' contact facts current after new events.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startImportRunner } = await import("@/lib/server/import/import-runner");
  const { startContactFactRefresher } = await import("@/lib/server/metrics/facts/contact-fact-refresher");
  const { getDb, getPrisma } = await import("@/lib/server/db");
  startImportRunner(getDb);
  startContactFactRefresher(getPrisma);
}
