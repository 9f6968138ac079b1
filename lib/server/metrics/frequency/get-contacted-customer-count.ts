import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

/** Contacted customers: customers with at least one contact in the window. */
export async function getContactedCustomerCount(db: MetricsClient, params: MetricParams): Promise<number> {
  assertMetricParams(params);
  const [row] = await db.$queryRaw<{ customers: bigint }[]>(Prisma.sql`
    SELECT COUNT(DISTINCT f."customerId") AS customers
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)}`);
  return Number(row.customers);
}
