/**
 * Runs once when the server starts: starts the background import worker, which also resumes
 * imports that a stopped or killed server left unfinished.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startImportRunner } = await import("@/lib/server/import/import-runner");
  const { getDb } = await import("@/lib/server/db");
  startImportRunner(getDb);
}
