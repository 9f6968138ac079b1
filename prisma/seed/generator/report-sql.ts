// SQL behind docs/demo-data.md: each planted finding measured by the METRICS.md definitions.
// Parameters: $1 workspaceId, then either $2/$3 the window [from, to) or $2 the time zone.

const CONTACT = `e."type" = 'message_sent' AND e."messageKind" IS DISTINCT FROM 'transactional'`;
const IN_WINDOW = `e."ts" >= $2::timestamptz AND e."ts" < $3::timestamptz`;
const WEEKS = `(extract(epoch FROM $3::timestamptz - $2::timestamptz) / 604800)`;

export const OVERVIEW_SQL = `
WITH per AS (
  SELECT e."customerId", count(*) AS n FROM "Event" e
  WHERE e."workspaceId" = $1 AND ${CONTACT} AND ${IN_WINDOW} GROUP BY 1)
SELECT sum(n)::int AS contacts, count(*)::int AS contacted,
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY n) / ${WEEKS})::float8 AS median_per_week
FROM per`;

/**
 * Every contact judged by the opt-out rule: the latest applicable consent event strictly before
 * it (a channel-less one applies to every channel; at equal instants an opt-out sorts last, so
 * it wins). Window functions instead of a lateral lookup per contact, to stay fast on a year.
 */
const JUDGED = `
WITH stream AS (
  SELECT e."customerId" AS c, e."channel" AS ch, e."ts", 0 AS ord, NULL::text AS st, e."campaignId" AS campaign
  FROM "Event" e WHERE e."workspaceId" = $1 AND ${CONTACT}
  UNION ALL
  SELECT e."customerId", x.ch, e."ts", CASE WHEN e."type" = 'consent_granted' THEN 1 ELSE 2 END, e."type"::text, NULL
  FROM "Event" e
  CROSS JOIN LATERAL unnest(CASE WHEN e."channel" IS NULL THEN enum_range(NULL::"Channel") ELSE ARRAY[e."channel"] END) AS x(ch)
  WHERE e."workspaceId" = $1 AND e."type" IN ('unsubscribed', 'complained', 'consent_withdrawn', 'consent_granted')
), grouped AS (
  SELECT *, count(st) OVER (PARTITION BY c, ch ORDER BY "ts", ord ROWS UNBOUNDED PRECEDING) AS grp FROM stream
), judged AS (
  SELECT *, max(st) OVER (PARTITION BY c, ch, grp) AS state FROM grouped
), violation AS (
  SELECT * FROM judged WHERE ord = 0 AND state IS NOT NULL AND state <> 'consent_granted'
)`;

export const VIOLATIONS_BY_DAY_SQL = `${JUDGED}
SELECT to_char("ts" AT TIME ZONE $2, 'YYYY-MM-DD') AS day, ch::text AS channel, count(*)::int AS contacts,
  count(DISTINCT c)::int AS customers
FROM violation GROUP BY 1, 2 ORDER BY 1, 2`;

export const VIOLATIONS_IN_WINDOW_SQL = `${JUDGED}
SELECT count(*)::int AS contacts, count(DISTINCT c)::int AS customers,
  count(DISTINCT campaign)::int AS campaigns, min("ts") AS first, max("ts") AS last
FROM violation WHERE "ts" >= $2::timestamptz AND "ts" < $3::timestamptz`;

const CLUB = `SELECT id FROM "Customer" WHERE "workspaceId" = $1 AND traits->>'loyaltyClub' = 'true'`;

export const CLUB_SQL = `
WITH members AS (${CLUB}), per AS (
  SELECT e."customerId", count(*) / ${WEEKS} AS per_week FROM "Event" e JOIN members m ON m.id = e."customerId"
  WHERE e."workspaceId" = $1 AND ${CONTACT} AND ${IN_WINDOW} GROUP BY 1)
SELECT (SELECT count(*) FROM members)::int AS members, count(*)::int AS contacted,
  avg(per_week)::float8 AS mean_per_week,
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY per_week))::float8 AS median_per_week,
  (SELECT count(*) FROM "Customer" WHERE "workspaceId" = $1)::int AS customers
FROM per`;

export const CLUB_UNSUBSCRIBES_SQL = `
WITH members AS (${CLUB})
SELECT to_char(e."ts" AT TIME ZONE $2, 'YYYY-MM') AS month, count(*)::int AS unsubscribes,
  count(DISTINCT e."customerId")::int AS customers
FROM "Event" e JOIN members m ON m.id = e."customerId"
WHERE e."workspaceId" = $1 AND e."type" = 'unsubscribed'
GROUP BY 1 ORDER BY 1`;

/** Saturation curve buckets of METRICS.md §1 (click rate, unsubscribe share). */
export const SATURATION_SQL = `
WITH contact AS (
  SELECT e.id, e."customerId", e."messageId", e."ts" FROM "Event" e
  WHERE e."workspaceId" = $1 AND ${CONTACT} AND ${IN_WINDOW}
), engaged AS (
  SELECT DISTINCT c.id FROM contact c
  JOIN "Event" k ON k."workspaceId" = $1 AND k."customerId" = c."customerId" AND k."messageId" = c."messageId"
    AND k."type" = 'message_clicked' AND k."ts" >= c."ts" AND k."ts" < c."ts" + interval '7 days'
), per AS (
  SELECT c."customerId", count(*) / ${WEEKS} AS per_week, count(*) AS contacts, count(g.id) AS engaged
  FROM contact c LEFT JOIN engaged g ON g.id = c.id GROUP BY 1
), unsubscribed AS (
  SELECT DISTINCT e."customerId" FROM "Event" e WHERE e."workspaceId" = $1 AND e."type" = 'unsubscribed' AND ${IN_WINDOW}
), bucketed AS (
  SELECT per.*, u."customerId" IS NOT NULL AS unsubscribed,
    CASE WHEN per_week <= 1 THEN '(0,1]' WHEN per_week <= 2 THEN '(1,2]' WHEN per_week <= 3 THEN '(2,3]'
      WHEN per_week <= 5 THEN '(3,5]' WHEN per_week <= 7 THEN '(5,7]' ELSE '(7,∞)' END AS bucket
  FROM per LEFT JOIN unsubscribed u ON u."customerId" = per."customerId"
)
SELECT bucket, count(*)::int AS customers, sum(contacts)::int AS contacts, sum(engaged)::int AS engaged,
  (sum(engaged)::float8 / sum(contacts)) AS click_rate, avg(unsubscribed::int)::float8 AS unsubscribe_share
FROM bucketed GROUP BY 1 ORDER BY min(per_week)`;

export const TOPIC_SHARES_SQL = `
WITH sends AS (
  SELECT e."topic", count(*) AS n FROM "Event" e
  WHERE e."workspaceId" = $1 AND ${CONTACT} AND ${IN_WINDOW} AND e."topic" IS NOT NULL GROUP BY 1
), signals AS (
  SELECT e."topic", CASE e."type" WHEN 'product_viewed' THEN 1 WHEN 'message_clicked' THEN 2 ELSE 3 END AS w
  FROM "Event" e WHERE e."workspaceId" = $1 AND ${IN_WINDOW} AND e."topic" IS NOT NULL
    AND e."type" IN ('product_viewed', 'message_clicked', 'cart_added')
  UNION ALL
  SELECT unnest(e."topics"), 5 FROM "Event" e WHERE e."workspaceId" = $1 AND ${IN_WINDOW} AND e."type" = 'purchased'
), wants AS (SELECT "topic", sum(w) AS w FROM signals GROUP BY 1)
SELECT coalesce(s."topic", w."topic") AS topic,
  coalesce(s.n, 0)::float8 / (SELECT sum(n) FROM sends) AS send_share,
  coalesce(w.w, 0)::float8 / (SELECT sum(w) FROM wants) AS want_share,
  coalesce(s.n, 0)::int AS sends, coalesce(w.w, 0)::int AS signal_weight
FROM sends s FULL JOIN wants w ON w."topic" = s."topic"
ORDER BY send_share DESC`;

/** New customers per month (first event or signupDate in it) and those without a lifecycle message within 7 days. */
export const WELCOME_SQL = `
WITH joined AS (
  SELECT c.id, c."firstSeenAt" AS joined_at, to_char(c."firstSeenAt" AT TIME ZONE $2, 'YYYY-MM') AS month
  FROM "Customer" c WHERE c."workspaceId" = $1
)
SELECT month, count(*)::int AS new_customers,
  count(*) FILTER (WHERE NOT EXISTS (
    SELECT 1 FROM "Event" e WHERE e."workspaceId" = $1 AND e."customerId" = j.id AND e."type" = 'message_sent'
      AND e."messageKind" = 'lifecycle' AND e."ts" >= j.joined_at AND e."ts" < j.joined_at + interval '7 days'))::int
    AS not_welcomed
FROM joined j GROUP BY 1 ORDER BY 1`;

export const DEAR_VIP_SQL = `
WITH r AS (
  SELECT e."customerId", e."ts" FROM "Event" e
  WHERE e."workspaceId" = $1 AND e."type" = 'message_sent' AND e."campaignId" = 'dear-vip-autumn'
)
SELECT coalesce((SELECT u.traits->>'loyaltyTier' FROM "Event" u WHERE u."workspaceId" = $1
    AND u."customerId" = r."customerId" AND u."type" = 'customer_updated' AND u."ts" < r."ts" AND u.traits ? 'loyaltyTier'
    ORDER BY u."ts" DESC LIMIT 1), 'none') AS tier_at_send,
  c.traits->>'loyaltyTier' AS tier_now, count(*)::int AS recipients, min(r."ts") AS sent
FROM r JOIN "Customer" c ON c."workspaceId" = $1 AND c.id = r."customerId"
GROUP BY 1, 2 ORDER BY 1, 2`;

/** Stated vs actual (b): contacts per week above the maxPerWeek in force at the customer's last contact. */
export const STATED_FREQUENCY_SQL = `
WITH per AS (
  SELECT e."customerId", count(*) AS n, max(e."ts") AS last FROM "Event" e
  WHERE e."workspaceId" = $1 AND ${CONTACT} AND ${IN_WINDOW} GROUP BY 1
), stated AS (
  SELECT p.*, (SELECT e."maxPerWeek" FROM "Event" e WHERE e."workspaceId" = $1 AND e."customerId" = p."customerId"
      AND e."type" = 'preferences_updated' AND e."ts" < p.last ORDER BY e."ts" DESC LIMIT 1) AS max_per_week
  FROM per p
)
SELECT max_per_week, count(*)::int AS customers, avg(n / ${WEEKS})::float8 AS mean_per_week
FROM stated WHERE max_per_week IS NOT NULL AND n / ${WEEKS} > max_per_week
GROUP BY 1 ORDER BY 1`;
