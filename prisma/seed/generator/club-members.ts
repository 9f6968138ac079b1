import { type Calendar, DAY } from "./calendar";
import type { Random } from "./prng";

/** A loyalty-club member (finding a): when they joined, and how much club mail they stand. */
export interface ClubMembership {
  enrollAt: number;
  /** Member from the launch, imported with loyaltyClub = true. */
  founding: boolean;
  /** Club contacts after which the member unsubscribes from a channel (first, second). */
  patience: [number, number];
}

/**
 * Hands out patience thresholds from a low-discrepancy (R2) sequence rather than independent
 * draws, so that the club's unsubscribes rise smoothly month by month instead of jittering.
 * Members must be enrolled in customer order for the data to be reproducible.
 */
export class ClubRoster {
  private members = 0;

  enrol(rng: Random, calendar: Calendar, joinAt: number, preExisting: boolean): ClubMembership {
    const k = ++this.members;
    const u1 = (k * 0.7548776662) % 1;
    const u2 = (k * 0.569840291) % 1;
    const first = 25 + 170 * -Math.log(1 - u1);
    const patience: [number, number] = [first, first + 80 + 220 * -Math.log(1 - u2)];
    if (preExisting && rng.chance(0.2)) return { enrollAt: joinAt, founding: true, patience };
    const from = Math.max(joinAt + 30 * DAY, calendar.start + 7 * DAY);
    const to = calendar.end - 14 * DAY;
    // The club snowballs: the enrolment rate grows about sevenfold over the period.
    const growth = 2;
    const share = Math.log(1 + rng.next() * (Math.exp(growth) - 1)) / growth;
    return { enrollAt: from + share * Math.max(0, to - from), founding: false, patience };
  }
}
