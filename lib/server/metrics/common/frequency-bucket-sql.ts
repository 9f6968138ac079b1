import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { FREQUENCY_BUCKETS, WEEK_MS } from "@/lib/metrics/frequency-buckets";

import type { MetricParams } from "./metric-params";

/**
 * The index in FREQUENCY_BUCKETS of the bucket of `count` contacts over `span` milliseconds,
 * per `unit` milliseconds (a week): count / (span / unit) ≤ upper, tested exactly in integers
 * as count · unit ≤ upper · span. (A float division would put 17 contacts in 17 days, exactly
 * 7 a week, at 7.000000000000001 and so in (7, ∞).)
 */
export function bucketIndex(count: Prisma.Sql, unit: Prisma.Sql, span: Prisma.Sql): Prisma.Sql {
  const whens = FREQUENCY_BUCKETS.flatMap((bucket, index) =>
    bucket.upper === null
      ? []
      : [
          Prisma.sql`WHEN CAST(${count} AS bigint) * ${unit} <= ${bucket.upper}::bigint * ${span} THEN ${index}::int`,
        ],
  );
  return Prisma.sql`CASE ${Prisma.join(whens, " ")} ELSE ${FREQUENCY_BUCKETS.length - 1}::int END`;
}

/** The bucket index of `count` contacts in the report window. */
export function windowBucketIndex(params: MetricParams, count: Prisma.Sql): Prisma.Sql {
  const span = params.to.getTime() - params.from.getTime();
  return bucketIndex(count, Prisma.sql`${WEEK_MS}::bigint`, Prisma.sql`${span}::bigint`);
}

/**
 * Whether `count` contacts in the report window are above `cap` a week, without a division:
 * count · WEEK_MS > cap · span. Both products are float8, as in lib/metrics (isAboveCap): the
 * left one is an exact integer; the right one is exact for a whole cap and rounded once, the
 * same way on every database and in TypeScript, for a fractional one.
 */
export function aboveCap(params: MetricParams, count: Prisma.Sql, cap: number): Prisma.Sql {
  const span = params.to.getTime() - params.from.getTime();
  return Prisma.sql`CAST(${count} AS float8) * ${WEEK_MS}::float8 > ${cap}::float8 * ${span}::float8`;
}
