import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

/** Contacts in the window: non-transactional message_sent events (docs/metrics.md). */
export async function getContactCount(db: MetricsClient, params: MetricParams): Promise<number> {
  assertMetricParams(params);
  const [row] = await db.$queryRaw<{ contacts: bigint }[]>(Prisma.sql`
    SELECT COUNT(*) AS contacts
    FROM "ContactFact" f
    WHERE ${contactFactCondition(params)}`);
  return Number(row.contacts);
}
