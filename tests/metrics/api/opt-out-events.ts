import { consent, type FixtureEvent, sent } from "../../helpers/fixtures";

/**
 * The read-API tests' events: c1 gets 3 email contacts in 2–15 March 2026 and one on 16 March,
 * and unsubscribes from email on 10 March, so the send of 12 March is a contact after opt-out,
 * 2 days 8 hours after it.
 */
export const OPT_OUT_EVENTS: FixtureEvent[] = [
  sent("c1", "2026-03-02T00:00:00Z"),
  sent("c1", "2026-03-05T12:00:00Z"),
  consent("unsubscribed", "c1", "2026-03-10T00:00:00Z", "email"),
  sent("c1", "2026-03-12T08:00:00Z"),
  sent("c1", "2026-03-16T00:00:00Z"),
];
