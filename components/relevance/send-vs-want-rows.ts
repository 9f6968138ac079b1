import type { SendVsWantRow } from "@/lib/metrics/relevance";

/** A topic of the send-vs-want chart: its shares (0 over an empty side) and their difference. */
export interface SendVsWantBar extends SendVsWantRow {
  /** sendShare − wantShare: above 0 the topic is sent more than it is wanted. */
  gap: number;
  /** The send share drawn to the left of zero (negative). */
  sendBar: number;
  wantBar: number;
}

/** The topics sorted by gap: sent most beyond what is wanted first, wanted most beyond what is sent last. */
export function sendVsWantBars(topics: SendVsWantRow[]): SendVsWantBar[] {
  return topics
    .map((row) => {
      const send = row.sendShare ?? 0;
      const want = row.wantShare ?? 0;
      return { ...row, gap: send - want, sendBar: -send, wantBar: want };
    })
    .sort(
      (a, b) =>
        b.gap - a.gap || b.contacts - a.contacts || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
    );
}

/**
 * The diverging axis, the same on both sides of 0: ticks at a round step (5, 10, 20, 25 or 50
 * points, never beyond 100 %), and a reach with room beyond the widest bar for its value.
 */
export function divergingAxis(widest: number): { ticks: number[]; limit: number } {
  const reach = Math.max(widest, 0.01) * 1.4;
  const step = [0.05, 0.1, 0.2, 0.25, 0.5].find((candidate) => reach / candidate <= 5) ?? 0.5;
  const steps = Math.min(Math.ceil(reach / step), Math.round(1 / step));
  const ticks = Array.from({ length: 2 * steps + 1 }, (_, index) =>
    Number(((index - steps) * step).toFixed(2)),
  );
  return { ticks, limit: Math.max(steps * step, reach) };
}
