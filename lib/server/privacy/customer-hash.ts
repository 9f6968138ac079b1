import "server-only";

import { createHash } from "node:crypto";

/**
 * The suppression key of a customer: SHA-256 (hex) of `"<workspaceId>:<customerId>"`. The
 * suppression list keeps only this, never the id, and it differs between workspaces holding
 * the same customer id.
 */
export function customerHash(workspaceId: number, customerId: string): string {
  return createHash("sha256").update(`${workspaceId}:${customerId}`).digest("hex");
}
