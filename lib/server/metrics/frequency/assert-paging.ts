import "server-only";

import type { ListPaging } from "@/lib/metrics/frequency";

/** Throws unless limit is an integer in 1–500 and offset a non-negative integer. */
export function assertPaging({ limit, offset }: ListPaging): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new RangeError("limit must be 1–500");
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError("offset must be a non-negative integer");
}
