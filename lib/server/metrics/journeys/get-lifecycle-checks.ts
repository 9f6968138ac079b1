import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { LifecycleChecks } from "@/lib/metrics/journeys";

import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

import { newCustomersSql } from "./new-customers";
import { notLetGoContactsSql } from "./not-let-go-contacts";

interface WelcomeRow {
  newCustomers: bigint;
  notWelcomed: bigint;
}

interface LetGoRow {
  notLetGoCustomers: bigint;
  notLetGoContacts: bigint;
}

/**
 * Lifecycle checks (METRICS.md §3): customers who joined in the window without a lifecycle
 * message within 7 days ("not welcomed"), and customers sent promotional messages in the
 * window while opted out of every channel ("not let go"). The two checks are two statements,
 * run at once.
 */
export async function getLifecycleChecks(db: MetricsClient, params: MetricParams): Promise<LifecycleChecks> {
  assertMetricParams(params);
  const [[welcome], [letGo]] = await Promise.all([
    db.$queryRaw<WelcomeRow[]>(Prisma.sql`
      SELECT COUNT(*) AS "newCustomers", COUNT(*) FILTER (WHERE NOT n.welcomed) AS "notWelcomed"
      FROM (${newCustomersSql(params)}) n`),
    db.$queryRaw<LetGoRow[]>(Prisma.sql`
      SELECT COUNT(DISTINCT v.c) AS "notLetGoCustomers", COUNT(*) AS "notLetGoContacts"
      FROM (${notLetGoContactsSql(params)}) v`),
  ]);
  const newCustomers = Number(welcome.newCustomers);
  const notWelcomed = Number(welcome.notWelcomed);
  return {
    notWelcomed: {
      newCustomers,
      customers: notWelcomed,
      share: newCustomers === 0 ? null : notWelcomed / newCustomers,
    },
    notLetGo: { customers: Number(letGo.notLetGoCustomers), contacts: Number(letGo.notLetGoContacts) },
  };
}
