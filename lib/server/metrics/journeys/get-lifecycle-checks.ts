import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { LifecycleChecks } from "@/lib/metrics/journeys";

import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { newCustomersSql } from "./new-customers";
import { notLetGoContactsSql } from "./not-let-go-contacts";

interface Row {
  newCustomers: bigint;
  notWelcomed: bigint;
  notLetGoCustomers: bigint;
  notLetGoContacts: bigint;
}

/**
 * Lifecycle checks (METRICS.md §3): customers who joined in the window without a lifecycle
 * message within 7 days ("not welcomed"), and customers sent promotional messages in the
 * window while opted out of every channel ("not let go").
 */
export async function getLifecycleChecks(db: MetricsClient, params: MetricParams): Promise<LifecycleChecks> {
  assertMetricParams(params);
  const [row] = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT w."newCustomers", w."notWelcomed", l."notLetGoCustomers", l."notLetGoContacts"
    FROM (
      SELECT COUNT(*) AS "newCustomers", COUNT(*) FILTER (WHERE NOT n.welcomed) AS "notWelcomed"
      FROM (${newCustomersSql(params)}) n
    ) w
    CROSS JOIN (
      SELECT COUNT(DISTINCT v.c) AS "notLetGoCustomers", COUNT(*) AS "notLetGoContacts"
      FROM (${notLetGoContactsSql(params)}) v
    ) l`);
  const newCustomers = Number(row.newCustomers);
  const notWelcomed = Number(row.notWelcomed);
  return {
    notWelcomed: {
      newCustomers,
      customers: notWelcomed,
      share: newCustomers === 0 ? null : notWelcomed / newCustomers,
    },
    notLetGo: { customers: Number(row.notLetGoCustomers), contacts: Number(row.notLetGoContacts) },
  };
}
