/**
 * Deterministic synthetic events for the ingestion benchmark: a realistic mix of sends,
 * deliveries, opens and clicks (most without a topic, so they inherit it), visits, purchases,
 * profile updates, consent and preferences, for `customers` customers over one year.
 * Every event has an explicit id, so the same index always gives the same event.
 */
const TOPICS = ["running", "trail-running", "football", "cycling", "hiking", "swimming", "yoga", "skiing"];
const START = Date.parse("2025-11-01T00:00:00Z");
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** A small, fast, seeded generator (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SyntheticEvent = Record<string, unknown>;

export function* syntheticEvents(count: number, customers = 50_000, seed = 7, prefix = "bench"): Generator<SyntheticEvent> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  for (let index = 0; index < count; index++) {
    const customerId = `c-${String(Math.floor(next() * customers)).padStart(6, "0")}`;
    const at = new Date(START + Math.floor((index / count) * YEAR_MS) + Math.floor(next() * 3_600_000));
    const timestamp = at.toISOString();
    const id = `${prefix}-${index}`;
    const week = Math.floor((at.getTime() - START) / (7 * 24 * 3600 * 1000));
    const messageId = `m-w${week}-${pick(TOPICS)}`;
    const roll = next();
    if (roll < 0.4) {
      yield { id, type: "message_sent", customerId, timestamp, channel: "email", messageId,
        campaignId: `weekly-${week}`, topic: messageId.slice(messageId.indexOf("-", 3) + 1) };
    } else if (roll < 0.55) {
      yield { id, type: "message_delivered", customerId, timestamp, channel: "email", messageId };
    } else if (roll < 0.7) {
      yield { id, type: "message_opened", customerId, timestamp, channel: "email", messageId };
    } else if (roll < 0.76) {
      yield { id, type: "message_clicked", customerId, timestamp, channel: "email", messageId,
        properties: { url: `https://shop.example/${pick(TOPICS)}` } };
    } else if (roll < 0.86) {
      yield { id, type: "page_viewed", customerId, timestamp, channel: "web", properties: { path: "/" } };
    } else if (roll < 0.93) {
      yield { id, type: "product_viewed", customerId, timestamp, channel: "web", topic: pick(TOPICS) };
    } else if (roll < 0.96) {
      yield { id, type: "purchased", customerId, timestamp, channel: "web", topics: [pick(TOPICS)],
        value: Math.round(next() * 200_000) / 100, currency: "NOK" };
    } else if (roll < 0.985) {
      yield { id, type: "customer_updated", customerId, timestamp,
        traits: { country: "NO", loyaltyTier: pick(["bronze", "silver", "gold"]), birthYear: 1950 + Math.floor(next() * 55) } };
    } else if (roll < 0.995) {
      yield { id, type: "preferences_updated", customerId, timestamp, topics: [pick(TOPICS)], maxPerWeek: 2 };
    } else {
      yield { id, type: "unsubscribed", customerId, timestamp, channel: "email" };
    }
  }
}

const CSV_COLUMNS = ["id", "type", "customerId", "timestamp", "channel", "messageId", "campaignId", "topic", "topics",
  "maxPerWeek", "value", "currency", "traits.country", "traits.loyaltyTier", "traits.birthYear", "properties.url",
  "properties.path"] as const;

/** The header of the CSV form (semicolon-delimited, decimal comma, as Nordic files are). */
export const CSV_HEADER = CSV_COLUMNS.join(";");

/** One event as a CSV line in the Nordic form: `;` between cells, decimal comma. */
export function csvLine(event: SyntheticEvent): string {
  return CSV_COLUMNS.map((column) => {
    const [object, key] = column.split(".");
    const value = key ? (event[object] as Record<string, unknown> | undefined)?.[key] : event[column];
    if (value === undefined || value === null) return "";
    if (Array.isArray(value)) return value.join("|");
    if (typeof value === "number") return String(value).replace(".", ",");
    return String(value);
  }).join(";");
}
