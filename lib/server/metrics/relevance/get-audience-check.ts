import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import type { AudienceCheck } from "@/lib/metrics/audience";

import { contactFactCondition } from "../common/contact-filter";
import { assertMetricParams, type MetricParams, type MetricsClient } from "../common/metric-params";

/**
 * The audience check: for each campaign of the window whose id, split at every character that
 * is not a letter or digit, contains a value the trait takes among the workspace's customers
 * (compared in lower case), its recipients and those whose current value of the trait differs
 * or is missing. A campaign naming two values is checked against each.
 */
export async function getAudienceCheck(
  db: MetricsClient,
  params: MetricParams,
  trait: string,
): Promise<AudienceCheck> {
  assertMetricParams(params);
  const rows = await db.$queryRaw<
    { campaignId: string; value: string; actual: string | null; customers: bigint }[]
  >(Prisma.sql`
    WITH recipients AS (
      SELECT DISTINCT f."campaignId", f."customerId"
      FROM "ContactFact" f
      WHERE ${contactFactCondition(params)} AND f."campaignId" IS NOT NULL
    ),
    trait_values AS (
      SELECT DISTINCT lower(cu."traits" ->> ${trait}) AS "value"
      FROM "Customer" cu
      WHERE cu."workspaceId" = ${params.workspaceId} AND cu."traits" ->> ${trait} IS NOT NULL
    ),
    addressed AS (
      SELECT c."campaignId", v."value"
      FROM (SELECT DISTINCT "campaignId" FROM recipients) c
      JOIN trait_values v ON v."value" = ANY(regexp_split_to_array(lower(c."campaignId"), '[^[:alnum:]]+'))
    )
    SELECT a."campaignId", a."value", lower(cu."traits" ->> ${trait}) AS "actual", COUNT(*) AS "customers"
    FROM addressed a
    JOIN recipients r ON r."campaignId" = a."campaignId"
    LEFT JOIN "Customer" cu ON cu."workspaceId" = ${params.workspaceId} AND cu."id" = r."customerId"
    GROUP BY 1, 2, 3`);

  const campaigns = new Map<string, AudienceCheck["campaigns"][number]>();
  for (const row of rows) {
    const key = `${row.campaignId}\u0000${row.value}`;
    const entry = campaigns.get(key) ?? {
      campaignId: row.campaignId,
      addressedValue: row.value,
      recipients: 0,
      mismatched: 0,
      share: null,
      actualValues: [],
    };
    const customers = Number(row.customers);
    entry.recipients += customers;
    if (row.actual !== row.value) {
      entry.mismatched += customers;
      entry.actualValues.push({ value: row.actual, customers });
    }
    campaigns.set(key, entry);
  }
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    trait,
    campaigns: [...campaigns.values()]
      .map((entry) => ({
        ...entry,
        share: entry.recipients === 0 ? null : entry.mismatched / entry.recipients,
        actualValues: entry.actualValues.sort(
          (a, b) => b.customers - a.customers || byCode(a.value ?? "\uffff", b.value ?? "\uffff"),
        ),
      }))
      .sort(
        (a, b) =>
          b.mismatched - a.mismatched ||
          byCode(a.campaignId, b.campaignId) ||
          byCode(a.addressedValue, b.addressedValue),
      ),
  };
}
