import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerList, NotWelcomedCustomer } from "@/lib/metrics/journeys";
import type { ListPaging } from "@/lib/metrics/query";

import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";
import { pageOf } from "../common/page-of";

import { newCustomersSql } from "./new-customers";

interface Row {
  c: string;
  joined: Date;
  firstSeenAt: Date;
  signupDate: string | null;
}

/** The not-welcomed customers (see getLifecycleChecks), by joining time then id, one page. */
export async function listNotWelcomed(
  db: MetricsClient,
  params: MetricParams & ListPaging,
): Promise<CustomerList<NotWelcomedCustomer>> {
  assertMetricParams(params);
  const matching = Prisma.sql`SELECT n.* FROM (${newCustomersSql(params)}) n WHERE NOT n.welcomed`;
  const page = await pageOf<Row>(db, matching, Prisma.sql`m.joined, m.c COLLATE "C"`, params);
  return {
    total: page.total,
    rows: page.rows.map((row) => ({
      customerId: row.c,
      joinedAt: row.joined.toISOString(),
      firstSeenAt: row.firstSeenAt.toISOString(),
      signupDate: row.signupDate,
    })),
  };
}
