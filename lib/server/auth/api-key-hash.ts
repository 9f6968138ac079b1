import "server-only";

import { createHash } from "node:crypto";

/** API keys are stored as their SHA-256; the key itself is shown once and never kept. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
