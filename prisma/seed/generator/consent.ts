import type { Channel } from "@/lib/generated/prisma/client";

type ConsentEventType = "consent_granted" | "consent_withdrawn" | "unsubscribed" | "complained";

interface ConsentEntry {
  t: number;
  /** null: applies to every channel. */
  channel: Channel | null;
  type: ConsentEventType;
}

/**
 * A customer's consent events, answering "may we contact them on this channel at t?" exactly
 * as METRICS.md judges it afterwards: the latest applicable event strictly before t decides,
 * an opt-out wins a tie, and with no applicable event there is no consent to contact.
 */
export class ConsentLedger {
  private readonly entries: ConsentEntry[] = [];

  add(t: number, channel: Channel | null, type: ConsentEventType): void {
    this.entries.push({ t, channel, type });
  }

  /** The deciding event type for `channel` at `t`, or null when none applies yet. */
  stateAt(channel: Channel, t: number): ConsentEventType | null {
    let bestT = -Infinity;
    let best: ConsentEventType | null = null;
    for (const e of this.entries) {
      if (e.t >= t || (e.channel !== null && e.channel !== channel)) continue;
      if (e.t > bestT) {
        bestT = e.t;
        best = e.type;
      } else if (e.t === bestT && best === "consent_granted") {
        best = e.type;
      }
    }
    return best;
  }

  canContact(channel: Channel, t: number): boolean {
    return this.stateAt(channel, t) === "consent_granted";
  }

  /** Time of the latest opt-out on `channel` before `t` (for re-consent), or null. */
  lastOptOut(channel: Channel, t: number): number | null {
    let latest: number | null = null;
    for (const e of this.entries) {
      if (e.t < t && e.type !== "consent_granted" && (e.channel === null || e.channel === channel)) {
        latest = latest === null ? e.t : Math.max(latest, e.t);
      }
    }
    return latest;
  }

  hasComplained(): boolean {
    return this.entries.some((e) => e.type === "complained");
  }
}
