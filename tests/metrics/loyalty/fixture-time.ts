import type { FixtureEvent } from "../../helpers/fixtures";

/** Loyalty fixtures end at 2026-07-01 with the default 365-day window. */
export const TO = Date.parse("2026-07-01T00:00:00.000Z");
export const FROM = TO - 365 * 86_400_000; // 2025-07-01T00:00:00.000Z
const DAY = 86_400_000;

/** The ISO instant `days` days (plus `ms` milliseconds) before `to`. */
export const before = (days: number, ms = 0, to = TO) => new Date(to - days * DAY - ms).toISOString();

export const purchase = (customer: string, at: string): FixtureEvent => ({
  type: "purchased",
  customer,
  at,
  channel: "web",
  topics: ["running"],
  value: 100,
});

/** Summary params for a workspace: the 365 days before TO. */
export const loyaltyWindow = (workspaceId: number) => ({
  workspaceId,
  from: new Date(FROM),
  to: new Date(TO),
});
