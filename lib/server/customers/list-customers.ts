import "server-only";

import type { CustomerListPage } from "@/lib/customers/customer-views";
import { Prisma } from "@/lib/generated/prisma/client";
import { customerCondition } from "@/lib/server/metrics/common/customer-filter";
import type { MetricParams, MetricsClient } from "@/lib/server/metrics/common/metric-params";
import { sqlInstant } from "@/lib/server/metrics/common/sql-instant";

export interface CustomerListQuery extends MetricParams {
  /** Customer ids starting with this (case-sensitive). */
  search?: string | null;
  limit: number;
  offset: number;
}

/**
 * One page of the workspace's customers matching the segment (window-dependent fields read in
 * the params' window) and the id search, by id, with each one's contacts in the window.
 */
export async function listCustomers(db: MetricsClient, query: CustomerListQuery): Promise<CustomerListPage> {
  const { workspaceId, from, to, channel, search, limit, offset } = query;
  const searchCondition = search ? Prisma.sql`AND starts_with(cu."id", ${search})` : Prisma.empty;
  const channelCondition = channel
    ? Prisma.sql`AND f."channel" = CAST(${channel} AS "Channel")`
    : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      total: bigint;
      customerId: string;
      firstSeenAt: Date;
      lastSeenAt: Date;
      country: string | null;
      loyaltyTier: string | null;
      contacts: bigint;
    }[]
  >(Prisma.sql`
    WITH matching AS (
      SELECT cu."id", cu."traits", cu."firstSeenAt", cu."lastSeenAt"
      FROM "Customer" cu
      WHERE cu."workspaceId" = ${workspaceId} ${searchCondition}
        AND ${customerCondition(query, Prisma.sql`cu."id"`)}
    ),
    page AS (
      SELECT * FROM matching ORDER BY "id" COLLATE "C" LIMIT ${limit} OFFSET ${offset}
    )
    SELECT (SELECT COUNT(*) FROM matching) AS "total", p."id" AS "customerId", p."firstSeenAt", p."lastSeenAt",
      p."traits" ->> 'country' AS "country", p."traits" ->> 'loyaltyTier' AS "loyaltyTier",
      (SELECT COUNT(*) FROM "ContactFact" f
        WHERE f."workspaceId" = ${workspaceId} AND f."customerId" = p."id"
          AND f."ts" >= ${sqlInstant(from)} AND f."ts" < ${sqlInstant(to)} ${channelCondition}) AS "contacts"
    FROM page p
    ORDER BY p."id" COLLATE "C"`);
  const total =
    rows.length > 0
      ? Number(rows[0].total)
      : Number(
          (
            await db.$queryRaw<{ total: bigint }[]>(Prisma.sql`
              SELECT COUNT(*) AS "total" FROM "Customer" cu
              WHERE cu."workspaceId" = ${workspaceId} ${searchCondition}
                AND ${customerCondition(query, Prisma.sql`cu."id"`)}`)
          )[0].total,
        );
  return {
    total,
    rows: rows.map((row) => ({
      customerId: row.customerId,
      firstSeenAt: row.firstSeenAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      country: row.country,
      loyaltyTier: row.loyaltyTier,
      contacts: Number(row.contacts),
    })),
  };
}
