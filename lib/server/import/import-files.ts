import "server-only";

import fs from "node:fs";
import path from "node:path";

/** Uploaded files wait here until their import has finished: `RESONANS_IMPORT_DIR`, default `./.data/imports`. */
export function importDir(): string {
  return path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    process.env.RESONANS_IMPORT_DIR ?? ".data/imports",
  );
}

/** Whether the file is an upload kept by Resonans (removed after import) rather than a CLI user's own file. */
export function isUploadedFile(filePath: string): boolean {
  const dir = importDir() + path.sep;
  return path.resolve(filePath).startsWith(dir);
}

/** Removes an uploaded file once its import is complete; a CLI user's own file is never touched. */
export async function removeUploadedFile(filePath: string): Promise<void> {
  if (!isUploadedFile(filePath)) return;
  await fs.promises.rm(filePath, { force: true });
}
