import { Random } from "@/prisma/seed/generator/prng";

import { RANDOM_WINDOW } from "../random-dataset";

/**
 * Raw events (EVENTS.md shape) the shared random dataset lacks for journeys: customers who
 * join around the report window (first event and signupDate near its bounds and near
 * midnight, in either order), lifecycle sends just inside and exactly at 7 days after joining,
 * and channel-less opt-outs followed by channel grants, per-channel opt-outs and promotional
 * sends at the same instant and later.
 */
export function journeyExtras(seed: number, customers = 24): Record<string, unknown>[] {
  const random = new Random(seed * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[random.int(items.length)];
  const chance = (p: number) => random.next() < p;
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const from = Date.parse(RANDOM_WINDOW.from);
  const to = Date.parse(RANDOM_WINDOW.to);
  const events: Record<string, unknown>[] = [];
  let n = 0;
  const add = (event: Record<string, unknown>, ts: number) => {
    n += 1;
    events.push({ id: `j${seed}-${n}`, ...event, timestamp: new Date(ts).toISOString() });
  };

  for (let c = 1; c <= customers; c++) {
    const customerId = `j-${String(c).padStart(3, "0")}`;
    // First event near a window bound or inside, often close to a midnight.
    const base = pick([from, to, from + 10 * DAY, to - 2 * DAY, from - 3 * DAY]);
    const first = base + pick([-HOUR, -1, 0, 1, HOUR, 22 * HOUR, 23 * HOUR + 30 * 60_000]);
    const channel = pick(["email", "sms", "push"] as const);
    add({ type: "page_viewed", customerId, channel: "web" }, first);
    if (chance(0.7)) {
      const signup = new Date(first + pick([-2 * DAY, -DAY, 0, DAY, 20 * DAY]));
      add(
        {
          type: "customer_updated",
          customerId,
          traits: { country: pick(["DK", "SE"]), signupDate: signup.toISOString().slice(0, 10) },
        },
        first + pick([0, HOUR, 2 * DAY]),
      );
    } else {
      add({ type: "customer_updated", customerId, traits: { country: pick(["DK", "SE"]) } }, first);
    }
    if (chance(0.75)) {
      const delay = pick([0, HOUR, 3 * DAY, 7 * DAY - 1, 7 * DAY, 7 * DAY + HOUR, 8 * DAY, -HOUR]);
      add(
        {
          type: "message_sent",
          customerId,
          channel,
          messageId: `welcome-${c}`,
          messageKind: pick(["lifecycle", "lifecycle", "promotional"]),
          topic: "welcome",
        },
        first + delay,
      );
    }
    if (chance(0.6)) {
      const optOut = first + random.int(20) * DAY;
      add({ type: pick(["unsubscribed", "complained", "consent_withdrawn"]), customerId }, optOut);
      if (chance(0.4))
        add(
          { type: "consent_granted", customerId, channel: pick(["email", "sms"]) },
          optOut + pick([0, DAY]),
        );
      if (chance(0.3))
        add(
          { type: "unsubscribed", customerId, channel: pick(["email", "sms"]) },
          optOut + pick([DAY, 2 * DAY]),
        );
      if (chance(0.2)) add({ type: "consent_granted", customerId }, optOut + pick([0, 3 * DAY]));
      for (let s = 0; s < 4; s++) {
        add(
          {
            type: "message_sent",
            customerId,
            channel: pick(["email", "sms", "push"]),
            messageId: `promo-${c}-${s}`,
            ...(chance(0.2) ? {} : { messageKind: pick(["promotional", "lifecycle", "transactional"]) }),
          },
          optOut + pick([0, 1, HOUR, DAY, 2 * DAY, 5 * DAY, -HOUR]),
        );
      }
    }
  }
  return events;
}
