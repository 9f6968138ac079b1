import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerList, NotLetGoCustomer } from "@/lib/metrics/journeys";
import type { ListPaging } from "@/lib/metrics/query";

import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { pageOf } from "../common/page-of";

import { notLetGoContactsSql } from "./not-let-go-contacts";

interface Row {
  c: string;
  contacts: bigint;
  firstContactAt: Date;
  lastContactAt: Date;
  optedOutAt: Date;
}

/**
 * The not-let-go customers (see getLifecycleChecks) with their contacts in the window, most
 * contacts first, then by id; one page. `optedOutAt` is the opt-out in force at the first one.
 */
export async function listNotLetGo(
  db: MetricsClient,
  params: MetricParams & ListPaging,
): Promise<CustomerList<NotLetGoCustomer>> {
  assertMetricParams(params);
  const matching = Prisma.sql`
    SELECT v.c, COUNT(*) AS contacts, MIN(v."ts") AS "firstContactAt", MAX(v."ts") AS "lastContactAt",
      MIN(v."optedOutAt") AS "optedOutAt"
    FROM (${notLetGoContactsSql(params)}) v
    GROUP BY v.c`;
  const page = await pageOf<Row>(db, matching, Prisma.sql`m.contacts DESC, m.c COLLATE "C"`, params);
  return {
    total: page.total,
    rows: page.rows.map((row) => ({
      customerId: row.c,
      contacts: Number(row.contacts),
      firstContactAt: row.firstContactAt.toISOString(),
      lastContactAt: row.lastContactAt.toISOString(),
      optedOutAt: row.optedOutAt.toISOString(),
    })),
  };
}
