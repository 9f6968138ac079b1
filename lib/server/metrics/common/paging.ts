import "server-only";

import type { ListPaging } from "@/lib/metrics/query";

/** The page asked for, defaults applied (50 rows from the first); throws on an invalid page. */
export function pageBounds({ limit = 50, offset = 0 }: ListPaging): { limit: number; offset: number } {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new RangeError("limit must be 1–500");
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError("offset must be a whole number ≥ 0");
  return { limit, offset };
}
