import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { ListPaging } from "@/lib/metrics/query";

import type { MetricsClient } from "./metric-params";
import { pageBounds } from "./paging";

/**
 * One page of the rows of `matching` (aliased m) in `order`, with the number of rows in all:
 * limit 1–500 (default 50), offset ≥ 0 (default 0). The total comes with the page; only a page
 * past the end needs a second count.
 */
export async function pageOf<Row extends object>(
  db: MetricsClient,
  matching: Prisma.Sql,
  order: Prisma.Sql,
  paging: ListPaging,
): Promise<{ total: number; rows: Row[] }> {
  const { limit, offset } = pageBounds(paging);
  const rows = await db.$queryRaw<(Row & { total: bigint })[]>(Prisma.sql`
    SELECT m.*, COUNT(*) OVER () AS total FROM (${matching}) m
    ORDER BY ${order}
    LIMIT ${limit} OFFSET ${offset}`);
  if (rows.length > 0) return { total: Number(rows[0].total), rows };
  if (offset === 0) return { total: 0, rows: [] };
  const [count] = await db.$queryRaw<{ total: bigint }[]>(
    Prisma.sql`SELECT COUNT(*) AS total FROM (${matching}) m`,
  );
  return { total: Number(count.total), rows: [] };
}
