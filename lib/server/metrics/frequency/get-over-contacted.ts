import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { OverContacted } from "@/lib/metrics/frequency";

import { rowsPerCustomerHalf } from "../common/customer-ranges";
import { aboveCap } from "../common/frequency-bucket-sql";
import {
  assertMetricParams,
  DEFAULT_FREQUENCY_CAP,
  type MetricParams,
  type MetricsClient,
  windowWeeks,
} from "../common/metric-params";

import { contactsPerCustomer } from "./frequency-sql";

/**
 * Over-contacted customers (METRICS.md §1): contacted customers whose contacts per week exceed
 * the cap (params.frequencyCap, else DEFAULT_FREQUENCY_CAP), and their share of the contacted.
 */
export async function getOverContacted(db: MetricsClient, params: MetricParams): Promise<OverContacted> {
  assertMetricParams(params);
  const cap = params.frequencyCap ?? DEFAULT_FREQUENCY_CAP;
  // contacts / weeks > cap, without a division: contacts · WEEK_MS > cap · window length.
  const rows = await rowsPerCustomerHalf<{ contacted: bigint; over: bigint }>(
    db,
    (customers) => Prisma.sql`
      SELECT COUNT(*) AS contacted,
        COUNT(*) FILTER (WHERE ${aboveCap(params, Prisma.sql`p.n`, cap)}) AS over
      FROM (${contactsPerCustomer(params, customers)}) p`,
  );
  const contacted = rows.reduce((sum, row) => sum + Number(row.contacted), 0);
  const over = rows.reduce((sum, row) => sum + Number(row.over), 0);
  return {
    weeks: windowWeeks(params),
    cap,
    contactedCustomers: contacted,
    overContactedCustomers: over,
    share: contacted === 0 ? null : over / contacted,
  };
}
