/**
 * A small hand-worked world for the relevance metrics, in the 2-week window [03-02, 03-16)
 * (tests/helpers/report-window.ts), loaded through real ingestion (Customer rows for the
 * segment, click topics inherited from their sends). Every number below is derived by hand.
 *
 * Customers (country): c1 DK, c2 SE, c3 DK, c4 SE.
 *
 * Contacts in the window (relevance at the send; engaged = clicked within 7 days):
 *
 * | send | customer | at        | channel | campaign | topic   | relevance | engaged |
 * | s1   | c1       | 03-03 10h | email   | camp-a   | running | 100       | yes     |
 * | s2   | c1       | 03-04 10h | sms     | camp-a   | yoga    | 20        | no      |
 * | s3   | c1       | 03-05 10h | email   | camp-b   | cycling | 0         | no      |
 * | s4   | c1       | 03-06 10h | email   | —        | —       | —         | no      |
 * | s5   | c2       | 03-03 10h | email   | camp-a   | running | —         | yes     |
 * | s6   | c2       | 03-07 10h | email   | camp-b   | cycling | 100       | no      |
 * | s7   | c3       | 03-10 10h | push    | camp-b   | yoga    | 100       | no      |
 *
 * - c1's signals are all at 03-01 00h (before the window, same instant, so the same decay d):
 *   purchased running 5d, viewed yoga 1d → running 100, yoga 100 · 1/5 = 20 (not irrelevant:
 *   irrelevant is < 20), cycling 0 (no signal while others exist). s4 has no topic.
 *   c1 clicks m1 on 03-07 (after s2–s4, so it does not move their scores): s1 engaged.
 * - c2 has no signal before s5 (no score); views cycling on 03-05 → s6 100. c2 clicks m1 on
 *   03-08 (< s5 + 7 d): s5 engaged.
 * - c3: a transactional send on 03-04 (not a contact); cart add yoga 03-08 (3), purchase
 *   [outdoor, yoga] 03-09 (5 each) → at s7 yoga 3d' + 5d'' > outdoor 5d'' → 100.
 * - c4: views cycling exactly at `from` (in the window), a page view (not a signal).
 * - c3 views sale exactly at `to` (not in the window).
 *
 * Interest signals in the window (undecayed weights): c1 click m1 → running 2 (inherited),
 * c2 view cycling 1 and click m1 → running 2, c3 cart yoga 3 and purchase outdoor 5 + yoga 5,
 * c4 view cycling 1 → running 4, cycling 2, yoga 8, outdoor 5; total 19.
 */
export const RELEVANCE_WORLD: Record<string, unknown>[] = [
  customer("c1", "DK"),
  customer("c2", "SE"),
  customer("c3", "DK"),
  customer("c4", "SE"),
  {
    type: "purchased",
    customerId: "c1",
    timestamp: "2026-03-01T00:00:00Z",
    topics: ["running"],
    value: 10,
    currency: "DKK",
  },
  { type: "product_viewed", customerId: "c1", timestamp: "2026-03-01T00:00:00Z", topic: "yoga" },
  send("c1", "03-03", "email", "m1", "camp-a", "running"), // s1
  send("c1", "03-04", "sms", "m2", "camp-a", "yoga"), // s2
  send("c1", "03-05", "email", "m3", "camp-b", "cycling"), // s3
  send("c1", "03-06", "email", "m4"), // s4
  click("c1", "03-07", "m1"),
  send("c2", "03-03", "email", "m1", "camp-a", "running"), // s5
  { type: "product_viewed", customerId: "c2", timestamp: "2026-03-05T10:00:00Z", topic: "cycling" },
  send("c2", "03-07", "email", "m5", "camp-b", "cycling"), // s6
  click("c2", "03-08", "m1"),
  { ...send("c3", "03-04", "email", "m9", undefined, "yoga"), messageKind: "transactional" },
  { type: "cart_added", customerId: "c3", timestamp: "2026-03-08T10:00:00Z", topic: "yoga" },
  {
    type: "purchased",
    customerId: "c3",
    timestamp: "2026-03-09T10:00:00Z",
    topics: ["outdoor", "yoga"],
    value: 10,
    currency: "DKK",
  },
  send("c3", "03-10", "push", "m6", "camp-b", "yoga"), // s7
  { type: "product_viewed", customerId: "c3", timestamp: "2026-03-16T00:00:00Z", topic: "sale" },
  { type: "product_viewed", customerId: "c4", timestamp: "2026-03-02T00:00:00Z", topic: "cycling" },
  { type: "page_viewed", customerId: "c4", timestamp: "2026-03-05T10:00:00Z" },
];

function customer(customerId: string, country: string) {
  return { type: "customer_updated", customerId, timestamp: "2026-01-01T00:00:00Z", traits: { country } };
}

function send(
  customerId: string,
  day: string,
  channel: string,
  messageId: string,
  campaignId?: string,
  topic?: string,
): Record<string, unknown> {
  return {
    type: "message_sent",
    customerId,
    timestamp: `2026-${day}T10:00:00Z`,
    channel,
    messageId,
    messageKind: "promotional",
    ...(campaignId ? { campaignId } : {}),
    ...(topic ? { topic } : {}),
  };
}

function click(customerId: string, day: string, messageId: string): Record<string, unknown> {
  return {
    type: "message_clicked",
    customerId,
    timestamp: `2026-${day}T10:00:00Z`,
    channel: "email",
    messageId,
  };
}

/** The segment of the Danish customers (c1, c3). */
export const DANISH = { field: "trait", key: "country", op: "eq", value: "DK" } as const;
