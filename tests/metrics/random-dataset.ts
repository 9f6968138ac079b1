import { Random } from "@/prisma/seed/generator/prng";

/**
 * Random event sets for comparing the SQL engine with the reference implementation: a few
 * dozen customers over ~4 months, dense in the awkward cases METRICS.md names — sends at the
 * same instant as opt-outs, clicks just inside and just outside 7 days, channel-less
 * unsubscribes, re-consent, complaints, transactional and topic-less sends, events exactly on
 * the window bounds, purchases with several topics, preferences. Every event is valid.
 */
export interface RandomDatasetOptions {
  customers?: number;
  /** Instants that events are drawn towards (window bounds), so that boundaries are hit exactly. */
  pinned?: readonly string[];
}

export const RANDOM_START = Date.parse("2026-01-01T00:00:00Z");
export const RANDOM_END = Date.parse("2026-05-01T00:00:00Z");
/** The comparison window used by the equivalence tests: 4 weeks inside the data. */
export const RANDOM_WINDOW = { from: "2026-03-02T00:00:00.000Z", to: "2026-03-30T00:00:00.000Z" } as const;

const TOPICS = ["running", "cycling", "yoga", "outdoor", "sale"];
const MESSAGE_CHANNELS = ["email", "sms", "push"] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Json = Record<string, unknown>;

export function randomDataset(seed: number, options: RandomDatasetOptions = {}): Json[] {
  const random = new Random(seed);
  const pick = <T>(items: readonly T[]): T => items[random.int(items.length)];
  const chance = (p: number) => random.next() < p;
  const pinned = (options.pinned ?? [RANDOM_WINDOW.from, RANDOM_WINDOW.to]).map(Date.parse);
  // Times on a coarse grid (so ties happen), sometimes exactly on a pinned bound.
  const time = () => {
    if (chance(0.04)) return pick(pinned);
    const hours = random.int((RANDOM_END - RANDOM_START) / HOUR);
    return RANDOM_START + hours * HOUR;
  };
  const events: Json[] = [];
  const customers = options.customers ?? 40;
  let n = 0;
  let times: number[] = [];
  const add = (event: Json, ts: number) => {
    n += 1;
    times.push(ts);
    events.push({ id: `r${seed}-${n}`, ...event, timestamp: new Date(ts).toISOString() });
  };

  for (let c = 1; c <= customers; c++) {
    times = [];
    // Often the very instant of an earlier event of the same customer: ties are where rules bite.
    const tiedTime = () => (times.length > 0 && chance(0.35) ? pick(times) : time());
    const customerId = `c-${String(c).padStart(3, "0")}`;
    const favourite = pick(TOPICS);
    const joined = time();
    add(
      {
        type: "customer_updated",
        customerId,
        traits: {
          country: pick(["DK", "SE", "NO"]),
          loyaltyTier: pick(["none", "gold"]),
          birthYear: 1960 + random.int(45),
          signupDate: new Date(joined).toISOString().slice(0, 10),
        },
      },
      joined,
    );

    const sends = random.int(30);
    for (let s = 0; s < sends; s++) {
      const ts = time();
      const channel = pick(MESSAGE_CHANNELS);
      const messageId = `m-${random.int(25)}`;
      const kind = chance(0.1)
        ? "transactional"
        : chance(0.15)
          ? "lifecycle"
          : chance(0.1)
            ? undefined
            : "promotional";
      const topic = chance(0.15) ? undefined : chance(0.6) ? favourite : pick(TOPICS);
      add(
        {
          type: "message_sent",
          customerId,
          channel,
          messageId,
          campaignId: `camp-${messageId}`,
          messageKind: kind,
          topic,
        },
        ts,
      );
      if (chance(0.3))
        add({ type: "message_opened", customerId, channel, messageId }, ts + random.int(48) * HOUR);
      if (chance(0.25)) {
        // Clicks inside the 7 days, exactly at 7 days (outside), or later.
        const delay = pick([0, HOUR, 3 * DAY, 7 * DAY - 1, 7 * DAY, 9 * DAY]);
        add(
          {
            type: "message_clicked",
            customerId,
            channel,
            messageId,
            ...(chance(0.2) ? { topic: pick(TOPICS) } : {}),
          },
          ts + delay,
        );
      }
    }
    const signals = random.int(12);
    for (let s = 0; s < signals; s++) {
      const ts = time();
      const topic = chance(0.7) ? favourite : pick(TOPICS);
      const kind = random.int(4);
      if (kind === 0) add({ type: "product_viewed", customerId, channel: "web", topic }, ts);
      else if (kind === 1) add({ type: "cart_added", customerId, channel: "web", topic }, ts);
      else if (kind === 2) add({ type: "page_viewed", customerId, channel: "web" }, ts);
      else {
        const topics = chance(0.3) ? [topic, pick(TOPICS)] : [topic];
        add(
          {
            type: "purchased",
            customerId,
            channel: pick(["web", "store"]),
            topics,
            value: 10 + random.int(500),
            currency: "DKK",
          },
          ts,
        );
      }
    }
    const consents = random.int(4);
    for (let s = 0; s < consents; s++) {
      const type = pick([
        "unsubscribed",
        "unsubscribed",
        "complained",
        "consent_withdrawn",
        "consent_granted",
        "consent_granted",
      ]);
      const channel = chance(0.3) ? undefined : pick(MESSAGE_CHANNELS);
      add({ type, customerId, ...(channel ? { channel } : {}) }, tiedTime());
    }
    if (chance(0.3)) {
      const stated: Json = { type: "preferences_updated", customerId };
      if (chance(0.7))
        stated.topics = chance(0.2)
          ? []
          : [favourite, ...(chance(0.5) ? [pick(TOPICS)] : [])].filter((t, i, a) => a.indexOf(t) === i);
      if (chance(0.6) || !stated.topics) stated.maxPerWeek = pick([0.5, 1, 2, 3]);
      const at = tiedTime();
      add(stated, at);
      // Sometimes a second one at the same instant: the tie rule decides which is in force.
      if (chance(0.25))
        add(
          { type: "preferences_updated", customerId, topics: [pick(TOPICS)], maxPerWeek: pick([1, 2]) },
          at,
        );
    }
  }
  return events;
}
