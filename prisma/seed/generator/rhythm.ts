import type { Day } from "./calendar";
import type { Random } from "./prng";

// Share of site and app visits by local hour: lunch bump, evening peak; weekends start later.
//                         0    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16   17   18   19   20   21   22   23
const WEEKDAY_HOURS = [
  0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.6, 1.2, 1.5, 1.4, 1.3, 1.5, 2.2, 1.9, 1.4, 1.4, 1.6, 2.0, 2.6, 3.4, 3.9,
  3.6, 2.2, 0.9,
];
const WEEKEND_HOURS = [
  0.5, 0.3, 0.2, 0.1, 0.1, 0.1, 0.3, 0.7, 1.4, 2.2, 2.8, 3.0, 2.9, 2.7, 2.6, 2.5, 2.5, 2.6, 2.7, 3.0, 3.2,
  2.9, 1.9, 0.9,
];
// Store opening hours: weekdays 10–18, Saturday 10–16, closed on Sunday.
const STORE_WEEKDAY = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, 1.1, 1.4, 1.3, 1.1, 1.2, 1.6, 1.8, 0, 0, 0, 0, 0, 0,
];
const STORE_SATURDAY = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.6, 2.0, 2.1, 1.9, 1.6, 1.2, 0, 0, 0, 0, 0, 0, 0, 0];

/** Relative number of visits on each weekday (Mon … Sun): evenings and weekends carry the shop. */
const WEEKDAY_VISITS = [0.9, 0.85, 0.9, 0.95, 0.9, 1.15, 1.35];

/** Local hour (fractional) of a site or app visit. */
export function visitHour(rng: Random, weekday: number): number {
  return rng.weighted(weekday >= 6 ? WEEKEND_HOURS : WEEKDAY_HOURS) + rng.next();
}

/** Local hour of a store visit, or null on days the store is closed. */
export function storeHour(rng: Random, weekday: number): number | null {
  if (weekday === 7) return null;
  return rng.weighted(weekday === 6 ? STORE_SATURDAY : STORE_WEEKDAY) + rng.next();
}

/** Day of November (22–28) that is Black Friday: the fourth Friday. */
function blackFridayOf(year: number): number {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay(); // 0 = Sunday
  return 1 + ((5 - firstWeekday + 7) % 7) + 21;
}

/** Days from that year's Black Friday (negative before it). */
function daysFromBlackFriday(day: Day): number {
  const friday = Date.UTC(day.year, 10, blackFridayOf(day.year));
  return Math.round((Date.UTC(day.year, day.month - 1, day.dayOfMonth) - friday) / 86_400_000);
}

export function isBlackFriday(day: Day): boolean {
  return daysFromBlackFriday(day) === 0;
}

/** The Monday–Monday around Black Friday (Cyber Monday included). */
function isBlackWeek(day: Day): boolean {
  const d = daysFromBlackFriday(day);
  return d >= -4 && d <= 3;
}

/** Shopping demand of a day relative to an ordinary one: Black Friday, Christmas, sales, summer holiday. */
export function demand(day: Day): number {
  let factor = WEEKDAY_VISITS[day.weekday - 1];
  if (isBlackFriday(day)) factor *= 4;
  else if (isBlackWeek(day)) factor *= 2;
  if (day.month === 12) {
    if (day.dayOfMonth <= 21) factor *= 1.5;
    else if (day.dayOfMonth <= 26) factor *= 0.45;
    else factor *= 1.4;
  }
  if (day.month === 1 && day.dayOfMonth <= 10) factor *= 1.3;
  if (day.month === 7) factor *= 0.75;
  if (day.month === 6 && day.dayOfMonth >= 24) factor *= 1.3;
  return factor;
}

/** Relative number of sign-ups on a day: spring, Black Friday and Christmas bring new customers. */
export function joinWeight(day: Day): number {
  const season = [1.1, 0.9, 1.0, 1.15, 1.2, 1.0, 0.8, 1.0, 1.0, 0.95, 1.1, 1.2][day.month - 1];
  return season * demand(day);
}
