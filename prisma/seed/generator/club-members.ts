import { type Calendar, DAY } from "./calendar";

/** A loyalty-club member (finding a): when they joined, and how much club mail they stand. */
export interface ClubMembership {
  enrollAt: number;
  /** Member from the launch, imported with loyaltyClub = true. */
  founding: boolean;
  /** Club contacts after which the member unsubscribes from a channel (first, second). */
  patience: [number, number];
}

/**
 * Hands out enrolment dates and patience from a low-discrepancy (R2) sequence instead of
 * independent draws: members then cover the year and the range of patience evenly, so the
 * club's unsubscribes rise smoothly month by month instead of jittering. Members must be
 * enrolled in customer order for the data to be reproducible.
 */
export class ClubRoster {
  private members = 0;

  enrol(calendar: Calendar, importedAt: number): ClubMembership {
    const k = ++this.members;
    const [u0, u1, u2] = R2.map((alpha) => (0.5 + k * alpha) % 1);
    const first = 25 + 200 * -Math.log(1 - u1);
    const patience: [number, number] = [first, first + 80 + 220 * -Math.log(1 - u2)];
    // One in five is a founding member, in the club from the launch (the CRM import).
    if (u0 < 0.2) return { enrollAt: importedAt, founding: true, patience };
    const from = calendar.start + 7 * DAY;
    const to = calendar.end - 14 * DAY;
    // The club snowballs: the enrolment rate grows about sevenfold over the period.
    const growth = 2;
    const share = Math.log(1 + ((u0 - 0.2) / 0.8) * (Math.exp(growth) - 1)) / growth;
    return { enrollAt: from + share * (to - from), founding: false, patience };
  }
}

/** Steps of the three-dimensional R2 sequence (powers of 1 / 1.2207…, the root of x⁴ = x + 1). */
const R2 = [0.8191725134, 0.6710436067, 0.5497004779] as const;
