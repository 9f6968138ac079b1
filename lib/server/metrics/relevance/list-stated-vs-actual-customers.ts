import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { ListPaging } from "@/lib/metrics/query";
import type { StatedVsActualCustomerList } from "@/lib/metrics/relevance";

import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { pageBounds } from "../common/paging";

import { contactedCustomersWithStatedMax } from "./stated-vs-actual-customers";

/** One customer of the page, or a single row of nulls for an empty page; `total` on every row. */
interface Row {
  total: bigint;
  customerId: string | null;
  contacts: bigint | null;
  perWeek: number | null;
  statedMax: number | null;
  lastContactAt: Date | string | null;
}

/**
 * The customers of getStatedVsActual (b): contacted customers whose contacts per week in the
 * window exceed the maxPerWeek in force at their last contact in it. Most over first (contacts
 * per week / stated maximum), then by customerId; one page, with the total.
 */
export async function listStatedVsActualCustomers(
  db: MetricsClient,
  params: MetricParams & ListPaging,
): Promise<StatedVsActualCustomerList> {
  assertMetricParams(params);
  const { limit, offset } = pageBounds(params);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH exceeding AS (
      SELECT c.*, c."perWeek" / c."statedMax" AS "ratio"
      FROM (${contactedCustomersWithStatedMax(params)}) c
      WHERE c."perWeek" > c."statedMax"
    ),
    page AS (
      SELECT * FROM exceeding ORDER BY exceeding."ratio" DESC, exceeding."customerId" COLLATE "C" ASC LIMIT ${limit} OFFSET ${offset}
    )
    -- One row even for an empty page, to carry the total.
    SELECT (SELECT COUNT(*) FROM exceeding) AS "total", page."customerId", page."contacts", page."perWeek",
      page."statedMax", page."lastContactAt"
    FROM (SELECT 1) AS one
    LEFT JOIN page ON TRUE
    ORDER BY page."ratio" DESC, page."customerId" COLLATE "C" ASC`);
  return {
    total: Number(rows[0]?.total ?? 0),
    customers: rows.flatMap((row) =>
      row.customerId === null
        ? []
        : [
            {
              customerId: row.customerId,
              contacts: Number(row.contacts),
              contactsPerWeek: Number(row.perWeek),
              statedMaxPerWeek: Number(row.statedMax),
              lastContactAt: new Date(row.lastContactAt ?? 0).toISOString(),
            },
          ],
    ),
  };
}
