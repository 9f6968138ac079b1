import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { SILENT_MIN_CONTACTS, type SilentCustomerList } from "@/lib/metrics/frequency";
import type { ListPaging } from "@/lib/metrics/query";

import {
  assertMetricParams,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";
import { pageBounds } from "../common/paging";

import { contactsPerCustomer } from "./frequency-sql";

interface Row {
  total: bigint;
  customerId: string | null;
  n: bigint | null;
}

/**
 * The silent contacted customers (see getSilentCustomers), most contacts first, then by
 * customer id in code-point order; one page, with the total.
 */
export async function listSilentCustomers(
  db: MetricsClient,
  params: MetricParams & ListPaging,
): Promise<SilentCustomerList> {
  assertMetricParams(params);
  const { limit, offset } = pageBounds(params);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH silent AS (
      SELECT p."customerId", p.n FROM (${contactsPerCustomer(params)}) p
      WHERE p.n >= ${SILENT_MIN_CONTACTS}::int AND p.engaged = 0
    )
    SELECT t.total, s."customerId", s.n
    FROM (SELECT COUNT(*) AS total FROM silent) t
    LEFT JOIN (
      SELECT x."customerId", x.n FROM silent x
      ORDER BY x.n DESC, x."customerId" COLLATE "C"
      LIMIT ${limit}::int OFFSET ${offset}::int
    ) s ON TRUE
    ORDER BY s.n DESC, s."customerId" COLLATE "C"`);
  const weeks = windowWeeks(params);
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.flatMap((row) =>
      row.customerId === null || row.n === null
        ? []
        : [{ customerId: row.customerId, contacts: Number(row.n), perWeek: Number(row.n) / weeks }],
    ),
  };
}
