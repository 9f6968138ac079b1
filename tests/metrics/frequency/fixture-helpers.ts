import type { Channel } from "@/lib/generated/prisma/client";

import { type FixtureEvent, sent } from "../../helpers/fixtures";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** `n` sends to one customer, 20 h apart from 2026-03-02T00:00Z (16 fit in the 2-week window). */
export function sends(
  customer: string,
  n: number,
  channel: Channel = "email",
  offsetHours = 0,
): FixtureEvent[] {
  const start = Date.parse("2026-03-02T00:00:00Z") + offsetHours * HOUR;
  return Array.from({ length: n }, (_, i) =>
    sent(customer, new Date(start + i * 20 * HOUR).toISOString(), channel),
  );
}

/** A click by the send's customer on the send's message, `delayMs` after it. */
export function click(send: FixtureEvent, delayMs: number): FixtureEvent {
  return {
    type: "message_clicked",
    customer: send.customer,
    at: new Date(Date.parse(send.at) + delayMs).toISOString(),
    channel: send.channel,
    messageId: send.messageId,
  };
}

/** The sends, each with a click an hour later (every contact engaged). */
export function engagedSends(customer: string, n: number, channel: Channel = "email"): FixtureEvent[] {
  return sends(customer, n, channel).flatMap((send) => [send, click(send, HOUR)]);
}
