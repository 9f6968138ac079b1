import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { SILENT_MIN_CONTACTS, type SilentCustomers } from "@/lib/metrics/frequency";

import { rowsPerCustomerHalf } from "../common/customer-ranges";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { contactsPerCustomer } from "./frequency-sql";

/**
 * Silent contacted customers (METRICS.md §1): contacted customers with at least 8 contacts in
 * the window and no engaged contact among them, and their share of the contacted.
 */
export async function getSilentCustomers(db: MetricsClient, params: MetricParams): Promise<SilentCustomers> {
  assertMetricParams(params);
  const rows = await rowsPerCustomerHalf<{ contacted: bigint; silent: bigint }>(
    db,
    (customers) => Prisma.sql`
      SELECT COUNT(*) AS contacted,
        COUNT(*) FILTER (WHERE p.n >= ${SILENT_MIN_CONTACTS}::int AND p.engaged = 0) AS silent
      FROM (${contactsPerCustomer(params, customers)}) p`,
  );
  const contacted = rows.reduce((sum, row) => sum + Number(row.contacted), 0);
  const silent = rows.reduce((sum, row) => sum + Number(row.silent), 0);
  return {
    silentCustomers: silent,
    contactedCustomers: contacted,
    share: contacted === 0 ? null : silent / contacted,
  };
}
