import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerList, FunnelCustomer } from "@/lib/metrics/journeys";
import type { ListPaging } from "@/lib/metrics/query";

import type { MetricsClient } from "../common/metric-params";
import { pageOf } from "../common/page-of";

import { hoursInterval } from "./event-match";
import { conversionDays, type FunnelMetricParams, funnelStepTables } from "./get-funnel";

interface Row {
  c: string;
  entry: Date;
  at: Date;
}

/**
 * The customers the funnel counts at one step (getFunnel's step k, exactly), in the order they
 * reached it, then by id; one page.
 */
export async function listFunnelCustomers(
  db: MetricsClient,
  params: FunnelMetricParams & ListPaging & { step: number },
): Promise<CustomerList<FunnelCustomer>> {
  const days = conversionDays(params);
  if (!Number.isInteger(params.step) || params.step < 1 || params.step > params.steps.length) {
    throw new RangeError(`step: this funnel has steps 1–${params.steps.length}`);
  }
  const tables = funnelStepTables(params, hoursInterval(days * 24));
  const reached = Prisma.sql`WITH ${Prisma.join(tables, ",\n")}
    SELECT c, entry, at FROM ${Prisma.raw(`s${params.step}`)}`;
  const page = await pageOf<Row>(db, reached, Prisma.sql`m.at, m.c COLLATE "C"`, params);
  return {
    total: page.total,
    rows: page.rows.map((row) => ({
      customerId: row.c,
      enteredAt: row.entry.toISOString(),
      reachedAt: row.at.toISOString(),
    })),
  };
}
